import { Expose, plainToInstance } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches } from 'class-validator';
import { Max, Min, MinLength, validateSync } from 'class-validator';
import { boolOr, intOr, listOf, lowerOr, originOr, originsOf, textOr } from './env-transforms';
import { trustProxyOf } from './env-transforms';
import { ConfigurationError, crossKeyProblems } from './config-rules';
import { IsTrustProxy } from './trust-proxy.validator';
import { BudgetRate, IsRates, ratesOr } from './budget-rates';
import { EmulatorVariables } from './emulator-variables';
import { HostPort, hostPortsOf, IsHostPorts } from './redis-settings';

/** Where tokens go in answers: the JSON body, HttpOnly cookies, or both. */
export type TokenDelivery = 'body' | 'cookie' | 'both';

const HTTP_URL = { require_tld: false, protocols: ['http', 'https'], require_protocol: true };
/** What `originsOf` leaves: an http(s) origin with no path (anything else stays and fails). */
const ORIGIN = /^https?:\/\/[^/?#@\s]+$/;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const REDIS_URL = { require_tld: false, protocols: ['redis', 'rediss'], require_protocol: true };
/** No braces: the prefix opens every hash tag (`{<prefix>:…}`), which a brace would cut short. */
const KEY_PREFIX = /^[\w.:-]{1,64}$/;

/**
 * Every environment variable the service reads, validated once at start; nothing reads
 * `process.env` after this. `.env.example` documents exactly these keys.
 */
export class EnvironmentVariables extends EmulatorVariables {
  @Expose()
  @textOr()
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV?: 'development' | 'production' | 'test';

  @Expose() @textOr() @IsOptional() @IsString() @MinLength(4) DESCOPE_PROJECT_ID?: string;
  @Expose() @textOr() @IsOptional() @IsUrl(HTTP_URL) DESCOPE_BASE_URL?: string;
  @Expose() @textOr() @IsOptional() @IsString() DESCOPE_MANAGEMENT_KEY?: string;
  @Expose() @intOr(5000) @IsInt() @Min(100) @Max(60000) DESCOPE_TIMEOUT_MS!: number;
  @Expose() @intOr(300_000) @IsInt() @Min(1000) JWKS_REFRESH_MS!: number;
  @Expose() @intOr(5000) @IsInt() @Min(100) JWKS_COOLDOWN_MS!: number;
  @Expose() @intOr(10_000) @IsInt() @Min(0) @Max(1_000_000) AUTH_MEMO_MAX!: number;

  @Expose() @intOr(3000) @IsInt() @Min(0) @Max(65535) PORT!: number;
  @Expose() @textOr('0.0.0.0') @IsString() HOST!: string;
  /** The operators' port: /metrics and detailed health (src/management). 0 picks a free one. */
  @Expose() @intOr(9464) @IsInt() @Min(0) @Max(65535) MANAGEMENT_PORT!: number;
  @Expose() @textOr('127.0.0.1') @IsString() MANAGEMENT_HOST!: string;
  @Expose() @intOr(32) @IsInt() @Min(2) @Max(256) JSON_MAX_DEPTH!: number;
  @Expose() @intOr(10000) @IsInt() @Min(500) @Max(120000) REQUEST_TIMEOUT_MS!: number;
  @Expose() @intOr(10000) @IsInt() @Min(0) @Max(120000) SHUTDOWN_GRACE_MS!: number;
  @Expose() @intOr(1000) @IsInt() @Min(0) @Max(600_000) HEAP_TRIM_IDLE_MS!: number;

  @Expose() @lowerOr('info') @IsIn(LOG_LEVELS) LOG_LEVEL!: (typeof LOG_LEVELS)[number];
  @Expose() @textOr() @IsOptional() @IsIn(['json', 'pretty']) LOG_FORMAT?: 'json' | 'pretty';
  @Expose() @boolOr(true) @IsBoolean() METRICS_ENABLED!: boolean;
  @Expose() @textOr() @IsOptional() @MinLength(16) METRICS_TOKEN?: string;
  /** Unset: on outside production, off in production (see `docsEnabled`). */
  @Expose() @boolOr() @IsOptional() @IsBoolean() DOCS_ENABLED?: boolean;

  @Expose() @textOr('both') @IsIn(['body', 'cookie', 'both']) TOKEN_DELIVERY!: TokenDelivery;
  @Expose() @boolOr(true) @IsBoolean() COOKIE_SECURE!: boolean;
  @Expose()
  @lowerOr('strict')
  @IsIn(['strict', 'lax', 'none'])
  COOKIE_SAMESITE!: 'strict' | 'lax' | 'none';

  @Expose() @textOr() @IsOptional() @Matches(/^\.?[a-z0-9.-]+$/i) COOKIE_DOMAIN?: string;

  @Expose() @listOf() @IsUrl(HTTP_URL, { each: true }) ALLOWED_REDIRECT_ORIGINS!: string[];
  @Expose() @boolOr(false) @IsBoolean() ALLOW_CUSTOM_CLAIMS!: boolean;
  @Expose() @boolOr(false) @IsBoolean() ALLOW_ACCOUNT_MERGE!: boolean;
  @Expose() @intOr(300) @IsInt() @Min(0) @Max(5000) AUTH_FAILURE_MIN_MS!: number;
  @Expose() @originsOf() @Matches(ORIGIN, { each: true }) CORS_ORIGINS!: string[];
  @Expose() @originOr() @IsOptional() @Matches(ORIGIN) PUBLIC_ORIGIN?: string;

  @Expose() @trustProxyOf() @IsTrustProxy() TRUST_PROXY!: false | number | string[];
  @Expose() @textOr() @IsOptional() @IsUrl(REDIS_URL) REDIS_URL?: string;
  /** The old name of REDIS_URL: still read (REDIS_URL wins), with a warning at start. */
  @Expose() @textOr() @IsOptional() @IsUrl(REDIS_URL) RATE_LIMIT_REDIS_URL?: string;
  @Expose() @hostPortsOf() @IsHostPorts() REDIS_CLUSTER_NODES!: HostPort[];
  @Expose() @hostPortsOf() @IsHostPorts() REDIS_SENTINELS!: HostPort[];
  @Expose() @textOr() @IsOptional() @Matches(/^[\w.-]{1,64}$/) REDIS_SENTINEL_NAME?: string;
  @Expose()
  @textOr('auth-service')
  @Matches(KEY_PREFIX, {
    message: 'REDIS_KEY_PREFIX must be 1 to 64 letters, digits or _ . : - (no braces)',
  })
  REDIS_KEY_PREFIX!: string;
  @Expose() @intOr(120) @IsInt() @Min(0) RATE_LIMIT_IP_PER_MINUTE!: number;
  /** Replaced by the budgets; still read, only to warn that it is ignored. */
  @Expose() @intOr() @IsOptional() @IsInt() RATE_LIMIT_LOGIN_ID_PER_MINUTE?: number;
  @Expose() @boolOr(false) @IsBoolean() RATE_LIMIT_FAIL_CLOSED!: boolean;

  @Expose() @ratesOr('5/15m') @IsRates() AUTH_FAILURES_PER_CLIENT!: BudgetRate[];
  @Expose() @ratesOr('20/1h') @IsRates() AUTH_FAILURES_PER_ACCOUNT!: BudgetRate[];
  @Expose() @ratesOr('10/1h') @IsRates() AUTH_FAILURES_PER_DEVICE!: BudgetRate[];
  @Expose() @ratesOr('30/1h') @IsRates() AUTH_FAILURES_TRUSTED_PER_ACCOUNT!: BudgetRate[];
  @Expose() @ratesOr('5/15m,20/1d') @IsRates() SENDS_PER_DESTINATION!: BudgetRate[];
  @Expose() @ratesOr('5/15m,20/1d') @IsRates() SENDS_PER_LOGIN_ID!: BudgetRate[];
  @Expose() @ratesOr('5/15m,20/1d') @IsRates() SENDS_PER_DEVICE!: BudgetRate[];
  @Expose() @ratesOr('off') @IsRates() SENDS_PER_PHONE_CHANNEL!: BudgetRate[];
  @Expose() @textOr() @IsOptional() @MinLength(32) DEVICE_TOKEN_SECRET?: string;
  @Expose() @intOr(90) @IsInt() @Min(1) @Max(400) DEVICE_TOKEN_TTL_DAYS!: number;

  @Expose() @intOr(86_400) @IsInt() @Min(60) @Max(2_592_000) SESSION_MAX_LIFETIME_SECONDS!: number;
  @Expose()
  @intOr(2_592_000)
  @IsInt()
  @Min(60)
  @Max(31_536_000)
  REFRESH_MAX_LIFETIME_SECONDS!: number;
  @Expose() @intOr(10_000) @IsInt() @Min(0) @Max(60_000) REFRESH_REUSE_WINDOW_MS!: number;
  @Expose() @boolOr(true) @IsBoolean() REFRESH_REUSE_REVOKES!: boolean;
}

/** Whether /docs and /docs-json are served: DOCS_ENABLED, else everywhere but production. */
export const docsEnabled = (config: EnvironmentVariables): boolean =>
  config.DOCS_ENABLED ?? config.NODE_ENV !== 'production';

/** Every key the service reads, as `.env.example` must document them. */
export const envKeys = (): string[] =>
  Object.keys(plainToInstance(EnvironmentVariables, {}, { excludeExtraneousValues: true }));

/** Validates the environment; throws a `ConfigurationError` naming every bad key. */
export function validateEnvironment(env: Record<string, string | undefined>): EnvironmentVariables {
  const config = plainToInstance(EnvironmentVariables, env, { excludeExtraneousValues: true });
  const errors = validateSync(config);
  const lines = errors.map(
    ({ property, constraints }) => `${property}: ${Object.values(constraints ?? {}).join('; ')}`,
  );
  if (lines.length) throw new ConfigurationError(lines);
  const problems = crossKeyProblems(config);
  if (problems.length) throw new ConfigurationError(problems);
  return Object.freeze(config);
}
