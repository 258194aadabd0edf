import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EnvironmentVariables } from '../config/env.validation';
import { MetricsService } from '../metrics/metrics.service';
import { classifyFailure } from '../problems/classify-failure';
import { ProblemError } from '../problems/problem.error';
import { accountKey, clientKey } from './budget-keys';
import { BudgetStore, BudgetWindow } from './budget-store';
import { ratesFrom, windowsOf } from './budget-windows';
import { CallerInfo } from './caller';
import { DeviceTokens } from './device-tokens';

/**
 * One failure budget per account, across every route that checks a secret for a login id.
 * Untrusted requests spend per (login id, client) and per login id; a request with a valid
 * device token for the login id spends only its device's budget and the account's cap on
 * trusted failures, so an attacker who spends the untrusted budgets cannot lock the owner out.
 * Each attempt reserves a unit of every window before Descope is called, atomically; the unit
 * is given back unless the secret itself failed.
 */
@Injectable()
export class GuessBudget {
  private readonly rates;

  constructor(
    private readonly store: BudgetStore,
    private readonly devices: DeviceTokens,
    private readonly metrics: MetricsService,
    config: ConfigService<EnvironmentVariables, true>,
  ) {
    this.rates = ratesFrom(config, [
      'AUTH_FAILURES_PER_CLIENT',
      'AUTH_FAILURES_PER_ACCOUNT',
      'AUTH_FAILURES_PER_DEVICE',
      'AUTH_FAILURES_TRUSTED_PER_ACCOUNT',
    ]);
  }

  /** Runs `attempt` (one check of a secret for `loginId`) within the budgets; 429 when spent. */
  async check<T>(loginId: string, caller: CallerInfo, attempt: () => Promise<T>): Promise<T> {
    const reserved = await this.store.reserve(await this.windowsFor(loginId, caller));
    if (!reserved.ok) {
      this.metrics.budgetRefusals.inc({ budget: 'guess', channel: 'any' });
      throw new ProblemError(
        'too_many_attempts',
        'Too many failed attempts for this login id; try again later',
        {
          retryAfter: reserved.retryAfterSeconds,
        },
      );
    }
    try {
      const result = await attempt();
      await this.store.refund(reserved.reservation);
      return result;
    } catch (error) {
      if (!classifyFailure(error).failedSecret) await this.store.refund(reserved.reservation);
      throw error;
    }
  }

  /** Every window is the account's (a device token is bound to its login id): one slot. */
  private async windowsFor(loginId: string, caller: CallerInfo): Promise<BudgetWindow[]> {
    const account = accountKey(loginId);
    const device = await this.devices.deviceOf(caller.deviceToken, loginId);
    const c = this.rates;
    if (device) {
      return [
        ...windowsOf(c.AUTH_FAILURES_PER_DEVICE, `guess:device:${device}`, account),
        ...windowsOf(c.AUTH_FAILURES_TRUSTED_PER_ACCOUNT, `guess:trusted:${account}`, account),
      ];
    }
    return [
      ...windowsOf(
        c.AUTH_FAILURES_PER_CLIENT,
        `guess:client:${clientKey(caller.ip)}:${account}`,
        account,
      ),
      ...windowsOf(c.AUTH_FAILURES_PER_ACCOUNT, `guess:account:${account}`, account),
    ];
  }
}
