import { DescopeClient, WITH_REFRESH_TOKEN, isDescopeRefusal } from '@app/descope';
import { Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log';
import { CallerInfo } from '../budgets/caller';
import { DeviceTokens } from '../budgets/device-tokens';
import { SendBudget } from '../budgets/send-budget';
import { CallerOptionsPolicy } from '../policies/caller-options.policy';
import { ProblemError } from '../problems/problem.error';
import { AuthResponseFactory } from '../tokens/auth-response.factory';
import { AuthResponseDto } from '../tokens/dto/auth-response.dto';
import { AcceptedResponseDto } from './dto/accepted-response.dto';
import { PasswordResetCompleteDto } from './dto/password-reset-complete.dto';
import { PasswordResetDto } from './dto/password-reset.dto';
import { policyViolations } from './password-policy';
import { PasswordService } from './password.service';

const RESET_ACCEPTED = { message: 'If the account exists, a reset link is on its way' };

/** A password reset: a link by email (to a verified address only, on Descope), then a new password. */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly descope: DescopeClient,
    private readonly authResponses: AuthResponseFactory,
    private readonly callerOptions: CallerOptionsPolicy,
    private readonly sends: SendBudget,
    private readonly devices: DeviceTokens,
    private readonly audit: AuditLog,
    private readonly passwords: PasswordService,
  ) {}

  /**
   * Always 202 for a well-formed request, so the answer never tells whether the account exists.
   * Descope refuses users without a verified email (and unknown ones): the audit line says why
   * (its code, a keyed hash of the login id); no metric counts it.
   */
  async sendReset(
    { loginId, redirectUrl, templateOptions }: PasswordResetDto,
    caller: CallerInfo,
  ): Promise<AcceptedResponseDto> {
    this.callerOptions.checkRedirectUrl(redirectUrl);
    const target = { loginId, channel: 'email' as const };
    if (!(await this.sends.allow(caller, target, 'password reset'))) return RESET_ACCEPTED;
    try {
      await this.descope.call((sdk) =>
        sdk.password.sendReset(loginId, redirectUrl, templateOptions),
      );
    } catch (error) {
      if (!isDescopeRefusal(error)) throw error;
      // Unknown login id, or no verified email (verify one with an OTP sign-up or an update).
      const reason = /^E\d{6}$/.test(error.code) ? error.code : 'other';
      this.audit.refusal('password.reset', reason, loginId);
    }
    return RESET_ACCEPTED;
  }

  /** Checks the new password first, so a weak one does not use up the one-time link. */
  async completeReset({ token, newPassword }: PasswordResetCompleteDto): Promise<AuthResponseDto> {
    const broken = policyViolations(newPassword, await this.passwords.policy());
    if (broken.length)
      throw new ProblemError('weak_password', `The password needs ${broken.join(', ')}`);
    const verified = await this.descope
      .call((sdk) => sdk.magicLink.verify(token))
      .catch((error: unknown) => {
        throw isDescopeRefusal(error)
          ? new ProblemError('invalid_code', 'The reset link is invalid, expired or already used')
          : error;
      });
    const loginId = verified.user?.loginIds?.[0];
    if (!loginId || !verified.refreshJwt) {
      throw new ProblemError(
        'upstream_unavailable',
        'Descope did not return the user of the reset link',
      );
    }
    await this.descope.call(
      (sdk) => sdk.password.update(loginId, newPassword, verified.refreshJwt),
      WITH_REFRESH_TOKEN,
    );
    await this.devices.revoke(verified.user?.loginIds ?? [loginId]);
    const fresh = await this.passwords.signInEndingOthers(loginId, newPassword, verified);
    return this.authResponses.fromDescope(fresh, {
      deviceFor: loginId,
      endOthers: 'password_change',
    });
  }
}
