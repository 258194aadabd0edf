import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Optional } from '../../common/validators';
import { FastPath } from '../../problems/fast-path';

const KEYS = new Set(['sessionJwt', 'roles', 'permissions', 'tenant']);
const text = (value: unknown, max: number) =>
  typeof value === 'string' && value.length > 0 && value.length <= max;
const names = (value: unknown) =>
  value === undefined ||
  (Array.isArray(value) &&
    value.length <= 50 &&
    value.every((name) => typeof name === 'string' && name.length <= 200));

/**
 * The rules below, written out for the session-validation hot path (see FastPath). Lengths in
 * UTF-16 units are never below class-validator's (which counts a surrogate pair once).
 */
export const isPlainValidateBody = (body: Record<string, unknown>): boolean =>
  Object.keys(body).every((key) => KEYS.has(key)) &&
  text(body.sessionJwt, 16384) &&
  names(body.roles) &&
  names(body.permissions) &&
  (body.tenant === undefined || text(body.tenant, 200));

@FastPath(isPlainValidateBody)
export class SessionValidateDto {
  @ApiProperty({
    example: 'eyJhbGciOiJSUzI1NiIsImtpZCI6IksxIn0.eyJzdWIiOiJVMiJ9.c2ln',
    description: 'The session JWT to check',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(16384)
  sessionJwt!: string;

  @ApiPropertyOptional({ example: ['admin'], type: [String], description: 'Every one is required' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  roles?: string[];

  @ApiPropertyOptional({
    example: ['docs.write'],
    type: [String],
    description: 'Every one is required',
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  permissions?: string[];

  @ApiPropertyOptional({
    example: 'acme',
    description:
      'Check roles and permissions within this tenant only (the user must be a member); ' +
      '"current" names the token\'s current tenant (dct). Without it: project-level grants only',
  })
  @Optional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  tenant?: string;
}
