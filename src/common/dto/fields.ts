import { applyDecorators, Type as Class } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength, ValidateNested } from 'class-validator';
import { Optional } from '../validators';

/** A login id: email, phone or username, as Descope accepts it. */
export const LoginIdField = (description = 'Login id (email, phone or username)') =>
  applyDecorators(
    ApiProperty({ example: 'ada@example.com', description, maxLength: 320 }),
    IsString(),
    IsNotEmpty(),
    MaxLength(320),
  );

/** A password (the policy itself is Descope's: see GET /v1/password/policy). */
export const PasswordField = (description = 'Password') =>
  applyDecorators(
    ApiProperty({ example: 'Correct-Horse-9', description, maxLength: 256, format: 'password' }),
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
