import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { UserResponseDto } from '../../common/dto/user-response.dto';

const JWT_EXAMPLE = 'eyJhbGciOiJSUzI1NiIsImtpZCI6IksxIn0.eyJzdWIiOiJVMiJ9.c2lnbmF0dXJl';

/** The answer of every route that authenticates a user. */
export class AuthResponseDto {
  @ApiPropertyOptional({
    example: JWT_EXAMPLE,
    description:
      'Session JWT (drn DS). Left out with TOKEN_DELIVERY=cookie: it is in the DS cookie.',
  })
  sessionJwt?: string;

  @ApiProperty({ example: 1763800600, description: 'Session expiry, Unix seconds' })
  sessionExpiresAt!: number;

  @ApiPropertyOptional({
    example: JWT_EXAMPLE,
    description:
      'Refresh JWT (drn DSR), when Descope issued one. Left out with TOKEN_DELIVERY=cookie.',
  })
  refreshJwt?: string;

  @ApiPropertyOptional({ example: 1766392000, description: 'Refresh expiry, Unix seconds' })
  refreshExpiresAt?: number;

  @ApiPropertyOptional({ example: false, description: "True on the user's first authentication" })
  firstSeen?: boolean;

  @ApiPropertyOptional({ type: UserResponseDto })
  user?: UserResponseDto;

  @ApiPropertyOptional({
    example: 'v1.3q2Jx0c7a1K9mZ4pQw8rTg.1771600000.kM2v...',
    description:
      'After an authentication by a secret: this device keeps its own guessing and send budgets ' +
      'when the account is under attack. Send it back as X-Device-Token (or the DT cookie). ' +
      'Left out with TOKEN_DELIVERY=cookie: it is in the DT cookie.',
  })
  deviceToken?: string;
}
