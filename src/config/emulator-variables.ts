import { Expose } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl } from 'class-validator';
import { Max, Min, MinLength } from 'class-validator';
import { SIGNING_ALGS, SigningAlg } from '@app/descope-emulator';
import { boolOr, intOr, textOr } from './env-transforms';

const HTTP_URL = { require_tld: false, protocols: ['http', 'https'], require_protocol: true };

/**
 * The `EMULATOR_*` variables: read when no `DESCOPE_PROJECT_ID` is set and the service embeds
 * the emulator, with the same meaning as for `npm run emulator` (libs/descope-emulator).
 */
export class EmulatorVariables {
  @Expose() @intOr() @IsOptional() @IsInt() @Min(0) @Max(65535) EMULATOR_PORT?: number;
  @Expose() @textOr() @IsOptional() @IsString() EMULATOR_HOST?: string;
  @Expose() @textOr() @IsOptional() @IsString() @MinLength(4) EMULATOR_PROJECT_ID?: string;
  @Expose() @textOr() @IsOptional() @IsString() EMULATOR_MANAGEMENT_KEY?: string;
  @Expose() @intOr() @IsOptional() @IsInt() @Min(1) EMULATOR_SESSION_TTL?: number;
  @Expose() @intOr() @IsOptional() @IsInt() @Min(1) EMULATOR_REFRESH_TTL?: number;
  @Expose() @boolOr() @IsOptional() @IsBoolean() EMULATOR_ROTATE_REFRESH?: boolean;
  @Expose() @textOr() @IsOptional() @IsIn(['revoke', 'family']) EMULATOR_REFRESH_REUSE?:
    'revoke' | 'family';
  @Expose() @intOr() @IsOptional() @IsInt() @Min(0) EMULATOR_LOCKOUT_ATTEMPTS?: number;
  @Expose() @intOr() @IsOptional() @IsInt() @Min(0) EMULATOR_PASSWORD_MAX_AGE_DAYS?: number;
  @Expose() @boolOr() @IsOptional() @IsBoolean() EMULATOR_MASK_ERRORS?: boolean;
  @Expose() @intOr() @IsOptional() @IsInt() @Min(0) EMULATOR_IP_RATE_LIMIT?: number;
  @Expose()
  @textOr()
  @IsOptional()
  @IsIn(SIGNING_ALGS)
  EMULATOR_SIGNING_ALG?: SigningAlg;
  @Expose() @textOr() @IsOptional() @IsUrl(HTTP_URL) EMULATOR_RESET_URL?: string;
  @Expose() @textOr() @IsOptional() @IsString() EMULATOR_DATA_DIR?: string;
}
