import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EnvironmentVariables } from '../config/env.validation';
import { MetricsModule } from '../metrics/metrics.module';
import { MetricsService } from '../metrics/metrics.service';
import { RedisConnection } from '../redis/redis-connection';
import { BudgetStore } from './budget-store';
import { DeviceTokens } from './device-tokens';
import { FailSafeBudgetStore } from './fail-safe-budget-store';
import { GuessBudget } from './guess-budget';
import { MemoryBudgetStore } from './memory-budget-store';
import { RedisBudgetStore } from './redis-budget-store';
import { SendBudget } from './send-budget';

/** In Redis when configured (shared by every instance), in memory otherwise or while it fails. */
function budgetStore(
  config: ConfigService<EnvironmentVariables, true>,
  redis: RedisConnection,
  metrics: MetricsService,
): BudgetStore {
  if (!redis.client) return new MemoryBudgetStore();
  return new FailSafeBudgetStore(
    new RedisBudgetStore(redis.client, redis.prefix),
    new MemoryBudgetStore(),
    config.get('RATE_LIMIT_FAIL_CLOSED', { infer: true }),
    () => {
      metrics.limiterFailures.inc({ limiter: 'budgets' });
      redis.warnUnreachable();
    },
  );
}

/** Guessing and send budgets, and the device tokens that let owners keep their way in. */
@Global()
@Module({
  imports: [MetricsModule],
  providers: [
    {
      provide: BudgetStore,
      inject: [ConfigService, RedisConnection, MetricsService],
      useFactory: budgetStore,
    },
    DeviceTokens,
    GuessBudget,
    SendBudget,
  ],
  exports: [DeviceTokens, GuessBudget, SendBudget],
})
export class BudgetsModule {}
