import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { deliversByEmail, OtpChannel } from '../common/otp-channels';
import { EnvironmentVariables } from '../config/env.validation';
import { MetricsService } from '../metrics/metrics.service';
import { accountKey } from './budget-keys';
import { BudgetStore, BudgetWindow } from './budget-store';
import { ratesFrom, windowsOf } from './budget-windows';
import { CallerInfo } from './caller';
import { DeviceTokens } from './device-tokens';

/** What a send is about: the login id, where it goes when known, and the channel. */
export interface SendTarget {
  loginId: string;
  /** The address the code or link goes to, when the request names it (sign-up, update). */
  destination?: string;
  channel: OtpChannel;
}

/**
 * Budgets for sending codes and reset links (SMS pumping, mail bombing). Untrusted callers
 * spend per destination and per login id; a valid device token for the login id spends its
 * device's own budget instead, so the owner still gets codes when others spent the shared one.
 * Phone channels also share a global per-channel budget when SENDS_PER_PHONE_CHANNEL is set.
 * Every send attempt counts. A withheld send is logged and counted, never with the address.
 */
@Injectable()
export class SendBudget {
  private readonly logger = new Logger(SendBudget.name);
  private readonly rates;

  constructor(
    private readonly store: BudgetStore,
    private readonly devices: DeviceTokens,
    private readonly metrics: MetricsService,
    config: ConfigService<EnvironmentVariables, true>,
  ) {
    this.rates = ratesFrom(config, [
      'SENDS_PER_DESTINATION',
      'SENDS_PER_LOGIN_ID',
      'SENDS_PER_DEVICE',
      'SENDS_PER_PHONE_CHANNEL',
    ]);
  }

  /** True when the send may go; false when a budget is spent (answer as usual, send nothing). */
  async allow(caller: CallerInfo, target: SendTarget, route: string): Promise<boolean> {
    const reserved = await this.store.reserve(await this.windowsFor(caller, target));
    if (reserved.ok) return true;
    this.metrics.budgetRefusals.inc({ budget: 'send', channel: target.channel });
    this.logger.warn(`A ${target.channel} send on ${route} was withheld by the send budget`);
    return false;
  }

  /**
   * The login id's windows share its group; the destination's budget counts the address over
   * every login id naming it (its own group, the login id's when they are one address), and the
   * channel's counts every caller (a group of its own).
   */
  private async windowsFor(caller: CallerInfo, target: SendTarget): Promise<BudgetWindow[]> {
    const rates = this.rates;
    const account = accountKey(target.loginId);
    const to = accountKey(target.destination ?? target.loginId);
    const device = await this.devices.deviceOf(caller.deviceToken, target.loginId);
    const own = device
      ? windowsOf(rates.SENDS_PER_DEVICE, `send:device:${device}`, account)
      : [
          ...windowsOf(rates.SENDS_PER_DESTINATION, `send:to:${to}`, to),
          ...windowsOf(rates.SENDS_PER_LOGIN_ID, `send:login:${account}`, account),
        ];
    const channel = `channel:${target.channel}`;
    const phone = deliversByEmail(target.channel)
      ? []
      : windowsOf(rates.SENDS_PER_PHONE_CHANNEL, `send:${channel}`, channel);
    return [...own, ...phone];
  }
}
