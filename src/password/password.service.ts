import { RefreshPrincipal } from '@app/auth';
import { DescopeClient, isDescopeRefusal } from '@app/descope';
import { Injectable } from '@nestjs/common';
import { CallerOptionsPolicy } from '../policies/caller-options.policy';
import { AuthResponseDto } from '../tokens/dto/auth-response.dto';
import { OwnershipPolicy } from '../policies/ownership.policy';
import { ProblemError } from '../problems/problem.error';
import { AuthResponseFactory } from '../tokens/auth-response.factory';
import { CallerInfo } from '../budgets/caller';
import { DeviceTokens } from '../budgets/device-tokens';
import { GuessBudget } from '../budgets/guess-budget';
import { SendBudget } from '../budgets/send-budget';
import { AcceptedResponseDto } from './dto/accepted-response.dto';
import { PasswordPolicyResponseDto } from './dto/password-policy-response.dto';
import { PasswordReplaceDto } from './dto/password-replace.dto';
import { PasswordResetCompleteDto } from './dto/password-reset-complete.dto';
import { PasswordResetDto } from './dto/password-reset.dto';
import { PasswordSignInDto } from './dto/password-sign-in.dto';
import { PasswordSignUpDto } from './dto/password-sign-up.dto';
import { PasswordUpdateDto } from './dto/password-update.dto';
import { policyViolations } from './password-policy';

const RESET_ACCEPTED = { message: 'If the account exists, a reset link is on its way' };

@Injectable()
export class PasswordService {
  constructor(
    private readonly descope: DescopeClient,
    private readonly authResponses: AuthResponseFactory,
    private readonly ownership: OwnershipPolicy,
    private readonly callerOptions: CallerOptionsPolicy,
    private readonly guesses: GuessBudget,
    private readonly sends: SendBudget,
    private readonly devices: DeviceTokens,
  ) {}

  async signUp({
    loginId,
    password,
    user,
    loginOptions,
  }: PasswordSignUpDto): Promise<AuthResponseDto> {
    this.callerOptions.checkCustomClaims(loginOptions?.customClaims, 'loginOptions.customClaims');
    const data = await this.descope.call((sdk) =>
      sdk.password.signUp(loginId, password, user, loginOptions),
    );
    return this.authResponses.fromDescope(data);
  }

  async signIn(
    { loginId, password, loginOptions }: PasswordSignInDto,
    caller: CallerInfo,
  ): Promise<AuthResponseDto> {
    this.callerOptions.checkCustomClaims(loginOptions?.customClaims, 'loginOptions.customClaims');
    const data = await this.guesses.check(loginId, caller, () =>
      this.descope.call((sdk) => sdk.password.signIn(loginId, password, loginOptions)),
    );
    return this.authResponses.fromDescope(data, { deviceFor: loginId });
  }

  /** A new password makes every device token of the user stop counting (then one is issued). */
  async replace(
    { loginId, oldPassword, newPassword }: PasswordReplaceDto,
    caller: CallerInfo,
  ): Promise<AuthResponseDto> {
    const data = await this.guesses.check(loginId, caller, () =>
      this.descope.call((sdk) => sdk.password.replace(loginId, oldPassword, newPassword)),
    );
    await this.devices.revoke(data.user?.loginIds ?? [loginId]);
    return this.authResponses.fromDescope(data, { deviceFor: loginId });
  }

  async update(
    principal: RefreshPrincipal,
    { loginId, newPassword }: PasswordUpdateDto,
  ): Promise<void> {
    const owner = await this.ownership.owner(principal, loginId);
    await this.descope.call((sdk) =>
      sdk.password.update(owner.loginId, newPassword, principal.jwt),
    );
    await this.devices.revoke(owner.loginIds);
  }

  /** Always 202 for a well-formed request, so the answer never tells whether the account exists. */
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
    }
    return RESET_ACCEPTED;
  }

  /** Checks the new password first, so a weak one does not use up the one-time link. */
  async completeReset({ token, newPassword }: PasswordResetCompleteDto): Promise<AuthResponseDto> {
    const broken = policyViolations(newPassword, await this.policy());
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
    await this.descope.call((sdk) =>
      sdk.password.update(loginId, newPassword, verified.refreshJwt),
    );
    await this.devices.revoke(verified.user?.loginIds ?? [loginId]);
    return this.authResponses.fromDescope(verified, { deviceFor: loginId });
  }

  async policy(): Promise<PasswordPolicyResponseDto> {
    const policy = await this.descope.call((sdk) => sdk.password.policy());
    const { minLength, lowercase, uppercase, number, nonAlphanumeric } = policy;
    return { minLength, lowercase, uppercase, number, nonAlphanumeric };
  }
}
