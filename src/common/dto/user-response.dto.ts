import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class UserTenantDto {
  @ApiProperty({ example: 'acme' }) tenantId!: string;
  @ApiProperty({ example: 'Acme Inc.' }) tenantName!: string;
  @ApiProperty({ example: ['admin'], type: [String] }) roleNames!: string[];
}

/** Descope's user object, as `me`, sign-in and verify return it. */
export class UserResponseDto {
  @ApiProperty({ example: 'U2abc123' }) userId!: string;
  @ApiProperty({ example: ['grace@example.com'], type: [String] }) loginIds!: string[];
  @ApiPropertyOptional({ example: 'Grace Hopper' }) name?: string;
  @ApiPropertyOptional({ example: 'Grace' }) givenName?: string;
  @ApiPropertyOptional({ example: '' }) middleName?: string;
  @ApiPropertyOptional({ example: 'Hopper' }) familyName?: string;
  @ApiPropertyOptional({ example: 'grace@example.com' }) email?: string;
  @ApiPropertyOptional({ example: '+14155550100' }) phone?: string;
  @ApiProperty({ example: true }) verifiedEmail!: boolean;
  @ApiProperty({ example: false }) verifiedPhone!: boolean;
  @ApiProperty({ example: ['editor'], type: [String] }) roleNames!: string[];
  @ApiProperty({ type: [UserTenantDto] }) userTenants!: UserTenantDto[];
  @ApiProperty({ example: 'enabled' }) status!: string;
  @ApiPropertyOptional({ example: 1763800000, description: 'Unix seconds' }) createdTime?: number;
  @ApiProperty({ example: false, description: 'An authenticator app is enrolled' }) TOTP!: boolean;
  @ApiProperty({ example: true, description: 'The user has a password' }) password!: boolean;
  @ApiPropertyOptional({ example: {} }) customAttributes?: Record<string, unknown>;
}

const FIELDS = [
  'userId',
  'loginIds',
  'name',
  'givenName',
  'middleName',
  'familyName',
  'email',
  'phone',
  'verifiedEmail',
  'verifiedPhone',
  'roleNames',
  'userTenants',
  'status',
  'createdTime',
  'TOTP',
  'password',
  'customAttributes',
  'picture',
  'webauthn',
  'SAML',
  'OAuth',
] as const;

/** Descope's user object reduced to the documented fields (nothing else is passed on). */
export function toUserResponse(user: object | undefined): UserResponseDto | undefined {
  if (!user) return undefined;
  const source = user as Record<string, unknown>;
  return Object.fromEntries(
    FIELDS.filter((field) => source[field] !== undefined).map((field) => [field, source[field]]),
  ) as unknown as UserResponseDto;
}
