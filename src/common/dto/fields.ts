import { applyDecorators, Type as Class } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength, ValidateNested } from 'class-validator';
import { HasNoHiddenCharacters, Optional } from '../validators';

/**
 * The example user of the Swagger UI: signs up and in on a default `npm start` (policy-compliant).
 * Not the README quick start's `ada@example.com`, so "Try it out" after the quick start is not 409.
 */
export const EXAMPLE_USER = { loginId: 'grace@example.com', password: 'Correct-Horse-9' } as const;

/** Unicode NFC and trimmed: the one spelling of a login id that goes to Descope. */
export const normalizeLoginId = (value: unknown) =>
  typeof value === 'string' ? value.normalize('NFC').trim() : value;

/**
 * A login id: email, phone or username, as Descope accepts it. Normalised (NFC, trimmed), so
 * "josé" typed composed or decomposed is one account; control, zero-width and bidi characters
 * are refused, so no look-alike login id can be stored.
 */
export const LoginIdField = (description = 'Login id (email, phone or username)') =>
  applyDecorators(
    ApiProperty({ example: EXAMPLE_USER.loginId, description, maxLength: 320 }),
    Transform(({ value }: { value: unknown }) => normalizeLoginId(value)),
    IsString(),
    IsNotEmpty(),
    MaxLength(320),
    HasNoHiddenCharacters(),
  );

/** A password (the policy itself is Descope's: see GET /v1/password/policy). */
export const PasswordField = (description = 'Password') =>
  applyDecorators(
    ApiProperty({
      example: EXAMPLE_USER.password,
      description,
      maxLength: 256,
      format: 'password',
    }),
    IsString(),
    IsNotEmpty(),
    MaxLength(256),
  );

/** An optional nested object validated as `type`; an explicit `null` is refused. */
export const OptionalNested = (type: Class) =>
  applyDecorators(
    ApiPropertyOptional({ type }),
    Optional(),
    ValidateNested(),
    Type(() => type),
  );
