import { ConfigService } from '@nestjs/config';
import { BudgetRate } from '../config/budget-rates';
import { EnvironmentVariables } from '../config/env.validation';
import { BudgetWindow } from './budget-store';

/** The settings that hold budget rates. */
export type RateSetting = {
  [K in keyof EnvironmentVariables]-?: EnvironmentVariables[K] extends BudgetRate[] ? K : never;
}[keyof EnvironmentVariables];

/** Reads budget settings once, typed. */
export function ratesFrom<K extends RateSetting>(
  config: ConfigService<EnvironmentVariables, true>,
  keys: K[],
): Record<K, BudgetRate[]> {
  const entries = keys.map((key) => [key, config.get<BudgetRate[]>(key)] as const);
  return Object.fromEntries(entries) as Record<K, BudgetRate[]>;
}

/**
 * The windows of one budget of `group` (see BudgetWindow): a key per rate, so `5/15m,20/1d`
 * counts in two windows.
 */
export const windowsOf = (rates: BudgetRate[], key: string, group: string): BudgetWindow[] =>
  rates.map(({ limit, windowMs }) => ({ key: `${key}:${windowMs}`, group, limit, windowMs }));
