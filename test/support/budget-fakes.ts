import { ConfigService } from '@nestjs/config';
import { EnvironmentVariables, validateEnvironment } from '../../src/config/env.validation';
import { MetricsService } from '../../src/metrics/metrics.service';
import { DeviceTokens } from '../../src/budgets/device-tokens';
import { MemoryBudgetStore } from '../../src/budgets/memory-budget-store';

/** What a budget spec builds a budget from: a real store in memory, fakes for the rest. */
export function budgetParts(env: Record<string, string>) {
  const refusals: Record<string, string>[] = [];
  const metrics = {
    budgetRefusals: { inc: (labels: Record<string, string>) => refusals.push(labels) },
  };
  // A device token is valid for its login id when it reads `device:<login id>`.
  const devices = {
    deviceOf: (token: string | undefined, loginId: string) =>
      Promise.resolve(token === `device:${loginId}` ? `D-${loginId}` : undefined),
  };
  return {
    store: new MemoryBudgetStore(),
    devices: devices as unknown as DeviceTokens,
    metrics: metrics as unknown as MetricsService,
    config: new ConfigService<EnvironmentVariables, true>(validateEnvironment(env)),
    refusals,
  };
}
