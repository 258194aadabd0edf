import { AuthenticatedSession } from '@app/auth';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A verified session: who, until when, and what they may do. */
export class SessionResponseDto {
  @ApiProperty({ example: 'U2abc123' }) userId!: string;
  @ApiProperty({ example: 1763800600, description: 'Unix seconds' }) sessionExpiresAt!: number;
  @ApiProperty({ example: ['editor'], type: [String], description: 'Project-level roles' })
  roles!: string[];
  @ApiProperty({ example: ['docs.write'], type: [String] }) permissions!: string[];
  @ApiProperty({ example: { acme: { roles: ['admin'], permissions: ['docs.write'] } } })
  tenants!: Record<string, { roles: string[]; permissions: string[] }>;
  @ApiPropertyOptional({
    example: 'acme',
    description:
      'Current tenant (`dct`): the one selected, or set by Descope when the user has exactly one',
  })
  currentTenant?: string;
  @ApiProperty({
    example: ['pwd', 'email', 'mfa'],
    type: [String],
    description: 'Authentication methods used, as Descope sets them (mfa: two or more methods)',
  })
  amr!: string[];
  @ApiProperty({ example: false, description: 'Stepped up (the su claim)' })
  steppedUp!: boolean;
  @ApiProperty({ example: { sub: 'U2abc123', drn: 'DS' }, description: 'All claims of the token' })
  claims!: Record<string, unknown>;

  static from(session: AuthenticatedSession): SessionResponseDto {
    const { jwt: _jwt, ...view } = session;
    return view;
  }
}
