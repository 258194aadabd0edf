import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : value;
const blankToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** Every key the service reads; `.env.example` documents exactly these. */
export const ENV_KEYS = [
  'NODE_ENV',
  'DESCOPE_PROJECT_ID',
  'DESCOPE_BASE_URL',
  'DESCOPE_MANAGEMENT_KEY',
  'DESCOPE_TIMEOUT_MS',
  'PORT',
  'HOST',
  'TOKEN_DELIVERY',
  'COOKIE_SECURE',
  'COOKIE_SAMESITE',
  'COOKIE_DOMAIN',
  'ALLOWED_REDIRECT_ORIGINS',
  'ALLOW_CUSTOM_CLAIMS',
  'TRUST_PROXY',
  'RATE_LIMIT_REDIS_URL',
  'RATE_LIMIT_IP_PER_MINUTE',
  'RATE_LIMIT_LOGIN_ID_PER_MINUTE',
  'EMULATOR_PORT',
  'EMULATOR_HOST',
  'EMULATOR_PROJECT_ID',
] as const;

/** Where tokens go in answers: the JSON body, HttpOnly cookies, or both. */
export type TokenDelivery = 'body' | 'cookie' | 'both';

/**
 * Every environment variable the service reads, validated once at start. `.env.example`
 * lists exactly these keys.
 */
export class EnvironmentVariables {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV?: 'development' | 'production' | 'test';

  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(4)
  DESCOPE_PROJECT_ID?: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  DESCOPE_BASE_URL?: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  DESCOPE_MANAGEMENT_KEY?: string;

  @Transform(({ value }) => (value === undefined || value === '' ? 5000 : Number(value)))
  @IsInt()
  @Min(100)
  @Max(60000)
  DESCOPE_TIMEOUT_MS = 5000;

  @Transform(({ value }) => (value === undefined || value === '' ? 3000 : Number(value)))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @Transform(({ value }) => (value === undefined || value === '' ? '0.0.0.0' : (value as string)))
  @IsString()
  HOST = '0.0.0.0';

  @Transform(({ value }) => (value === undefined || value === '' ? 'both' : (value as string)))
  @IsIn(['body', 'cookie', 'both'])
  TOKEN_DELIVERY: TokenDelivery = 'both';

  @Transform((params) =>
    params.value === undefined || params.value === '' ? true : toBoolean(params),
  )
  @IsBoolean()
  COOKIE_SECURE = true;

  @Transform(({ value }) =>
    value === undefined || value === '' ? 'strict' : String(value).toLowerCase(),
  )
  @IsIn(['strict', 'lax', 'none'])
  COOKIE_SAMESITE: 'strict' | 'lax' | 'none' = 'strict';

  @Transform(blankToUndefined)
  @IsOptional()
  @Matches(/^\.?[a-z0-9.-]+$/i)
  COOKIE_DOMAIN?: string;

  @Transform((params) => (params.value === undefined ? [] : toList(params)))
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'], require_protocol: true },
    { each: true },
  )
  ALLOWED_REDIRECT_ORIGINS: string[] = [];

  @Transform((params) =>
    params.value === undefined || params.value === '' ? false : toBoolean(params),
  )
  @IsBoolean()
  ALLOW_CUSTOM_CLAIMS = false;

  @Transform((params) =>
    params.value === undefined || params.value === '' ? false : toBoolean(params),
  )
  @IsBoolean()
  TRUST_PROXY = false;

  @Transform(blankToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['redis', 'rediss'], require_protocol: true })
  RATE_LIMIT_REDIS_URL?: string;

  @Transform(({ value }) => (value === undefined || value === '' ? 120 : Number(value)))
  @IsInt()
  @Min(0)
  RATE_LIMIT_IP_PER_MINUTE = 120;

  @Transform(({ value }) => (value === undefined || value === '' ? 5 : Number(value)))
  @IsInt()
  @Min(0)
  RATE_LIMIT_LOGIN_ID_PER_MINUTE = 5;

  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(65535)
  EMULATOR_PORT?: number;

  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  EMULATOR_HOST?: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(4)
  EMULATOR_PROJECT_ID?: string;
}

/** The start-up failure for bad configuration: one line per bad key. */
export class ConfigurationError extends Error {}

/** Validates the environment; throws a `ConfigurationError` naming every bad key. */
export function validateEnvironment(env: Record<string, string | undefined>): EnvironmentVariables {
  const known = Object.fromEntries(ENV_KEYS.map((key) => [key, env[key]]));
  const config = plainToInstance(EnvironmentVariables, known);
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length) {
    const lines = errors.map((error) => `- ${error.property}: ${describe(error.constraints)}`);
    throw new ConfigurationError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (config.COOKIE_SAMESITE === 'none' && !config.COOKIE_SECURE) {
    throw new ConfigurationError(
      'Invalid configuration:\n- COOKIE_SAMESITE: none needs COOKIE_SECURE=true (browsers drop such cookies otherwise)',
    );
  }
  if (config.NODE_ENV === 'production' && !config.DESCOPE_PROJECT_ID) {
    throw new ConfigurationError(
      'Invalid configuration:\n- DESCOPE_PROJECT_ID: required when NODE_ENV=production ' +
        '(the embedded emulator only runs outside production)',
    );
  }
  return config;
}

function describe(constraints: Record<string, string> = {}): string {
  return Object.values(constraints).join('; ');
}
