import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

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
