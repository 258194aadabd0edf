import { AuthModule, SessionGuard } from '@app/auth';
import { DescopeClient, DescopeModule } from '@app/descope';
import { DynamicModule, Module } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ProblemFilter } from './http/problem.filter';
import { createValidationPipe } from './problems/validation.pipe';
import { AuditModule } from './audit/audit.module';
import { BudgetsModule } from './budgets/budgets.module';
import { DescopeTarget, embeddedEmulatorShutdown } from './config/descope-target';
import { EnvironmentVariables } from './config/env.validation';
import { trustedOrigins } from './config/trusted-origins';
import { HealthModule } from './health/health.module';
import { loggingModule } from './logging/logging.module';
import { ManagementModule } from './management/management.module';
import { MetricsModule } from './metrics/metrics.module';
import { MetricsService } from './metrics/metrics.service';
import { OtpModule } from './otp/otp.module';
import { PasswordModule } from './password/password.module';
import { RateLimitGuard } from './rate-limit/rate-limit.guard';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { RedisModule } from './redis/redis.module';
import { RedisConnection } from './redis/redis-connection';
import { RevocationModule } from './revocation/revocation.module';
import { SessionModule } from './session/session.module';
import { TotpModule } from './totp/totp.module';

@Module({})
export class AppModule {
  /**
   * The whole service for one validated configuration and Descope target (see `createApp`), with the global pipe,
   * filter and guard, so tests run the same pipeline as production.
   */
  static forRoot(
    config: EnvironmentVariables,
    target: DescopeTarget,
    logDestination?: DestinationStream,
  ): DynamicModule {
    const { projectId, baseUrl, managementKey } = target;
    const descope = { projectId, baseUrl, managementKey, timeoutMs: config.DESCOPE_TIMEOUT_MS };
    return {
      module: AppModule,
      imports: [
        // The validated config itself: no .env, no process.env, nothing copied back into it.
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          ignoreEnvVars: true,
          skipProcessEnv: true,
          load: [() => ({ ...config })],
        }),
        loggingModule(config, logDestination),
        DescopeModule.forRootAsync({
          imports: [MetricsModule],
          useFactory: (metrics: MetricsService) => ({
            ...descope,
            onUpstreamCall: metrics.upstreamCall,
          }),
          inject: [MetricsService],
          isGlobal: true,
        }),
        AuthModule.forRootAsync({
          imports: [MetricsModule],
          // The keys come from the same origin the SDK talks to (DESCOPE_BASE_URL or Descope's default).
          useFactory: (
            { projectId, baseUrl }: DescopeClient,
            metrics: MetricsService,
            redis: RedisConnection,
          ) => ({
            projectId,
            baseUrl,
            jwksTimeoutMs: config.DESCOPE_TIMEOUT_MS,
            jwksRefreshIntervalMs: config.JWKS_REFRESH_MS,
            unknownKidCooldownMs: config.JWKS_COOLDOWN_MS,
            trustedOrigins: trustedOrigins(config),
            onKeyFetch: metrics.keyFetch,
            memoMaxEntries: config.AUTH_MEMO_MAX,
            onMemo: metrics.memoLookup,
            // Revocations made on other instances, heard through Redis (see RevocationPublisher).
            revocationFeed: redis.client && {
              connect: () => redis.duplicate(),
              prefix: redis.prefix,
            },
          }),
          inject: [DescopeClient, MetricsService, RedisConnection],
          isGlobal: true,
        }),
        AuditModule,
        RedisModule,
        RateLimitModule,
        BudgetsModule,
        PasswordModule,
        OtpModule,
        TotpModule,
        SessionModule,
        RevocationModule,
        HealthModule,
        MetricsModule,
        ManagementModule,
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ProblemFilter },
        // Order matters: limits first, so floods of bad tokens get 429, not 401 forever.
        { provide: APP_GUARD, useExisting: RateLimitGuard },
        { provide: APP_GUARD, useExisting: SessionGuard },
        embeddedEmulatorShutdown(target),
      ],
    };
  }
}
