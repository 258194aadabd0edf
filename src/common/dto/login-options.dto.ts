import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString, Matches, MaxLength } from 'class-validator';
import { IsCustomClaims, IsStringRecord, Optional } from '../validators';

/** Options of a sign-up, passed to Descope as `loginOptions`. */
export class SignUpOptionsDto {
  @ApiPropertyOptional({
    example: { plan: 'pro' },
    description:
      'Extra claims for the session token, where Descope puts them: under nsec (claims.nsec). ' +
      'Refused unless ALLOW_CUSTOM_CLAIMS=true; reserved names ' +
      '(sub, iss, aud, exp, iat, nbf, jti, drn, amr, roles, permissions, tenants, dct, nsec) always refused.',
  })
  @Optional()
  @IsCustomClaims()
  customClaims?: Record<string, unknown>;

  @ApiPropertyOptional({
    example: { appName: 'Acme' },
    description: 'Values for the message template',
  })
  @Optional()
  @IsStringRecord()
  templateOptions?: Record<string, string>;

  @ApiPropertyOptional({ example: 'welcome-template' })
  @Optional()
  @IsString()
  @MaxLength(100)
  templateId?: string;
}

/** Options of a sign-in, passed to Descope as `loginOptions`. */
export class LoginOptionsDto extends SignUpOptionsDto {
  @ApiPropertyOptional({ example: 'en-US' })
  @Optional()
  @Matches(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/, { message: 'locale must be a language tag' })
  @MaxLength(35)
  locale?: string;

  @ApiPropertyOptional({ example: false, description: "Log out the user's other sessions" })
  @Optional()
  @IsBoolean()
  revokeOtherSessions?: boolean;
}

/** Sign-in options that can raise an existing session: need the user's refresh token. */
export class StepUpLoginOptionsDto extends LoginOptionsDto {
  @ApiPropertyOptional({
    example: true,
    description:
      'Step-up: the new session keeps the user, adds this method to amr (and mfa when the ' +
      'methods differ) and carries su: true (steppedUp). Needs a refresh token.',
  })
  @Optional()
  @IsBoolean()
  stepup?: boolean;

  @ApiPropertyOptional({
    example: false,
    description:
      'MFA: a second factor for the session; amr keeps the earlier methods and adds this one and ' +
      'mfa. Needs a refresh token.',
  })
  @Optional()
  @IsBoolean()
  mfa?: boolean;
}
