import { RefreshPrincipal } from '@app/auth';
import { DescopeClient, WITH_REFRESH_TOKEN } from '@app/descope';
import type { JWTResponse } from '@descope/node-sdk';
import { Injectable, Logger } from '@nestjs/common';
import { CallerOptionsPolicy } from '../policies/caller-options.policy';
import { AuthResponseDto } from '../tokens/dto/auth-response.dto';
import { OwnershipPolicy } from '../policies/ownership.policy';
import { AuthResponseFactory } from '../tokens/auth-response.factory';
import { CallerInfo } from '../budgets/caller';
import { DeviceTokens } from '../budgets/device-tokens';
import { GuessBudget } from '../budgets/guess-budget';
import { explainRefusedPassword } from './password-policy';
import { PasswordPolicyResponseDto } from './dto/password-policy-response.dto';
import { PasswordReplaceDto } from './dto/password-replace.dto';
import { PasswordSignInDto } from './dto/password-sign-in.dto';
import { PasswordSignUpDto } from './dto/password-sign-up.dto';
import { PasswordUpdateDto } from './dto/password-update.dto';

@Injectable()
export class PasswordService {
  private readonly logger = new Logger(PasswordService.name);

  constructor(
    private readonly descope: DescopeClient,
    private readonly authResponses: AuthResponseFactory,
    private readonly ownership: OwnershipPolicy,
    private readonly callerOptions: CallerOptionsPolicy,
    private readonly guesses: GuessBudget,
    private readonly devices: DeviceTokens,
  ) {}

  async signUp({
    loginId,
    password,
    user,
    loginOptions,
  }: PasswordSignUpDto): Promise<AuthResponseDto> {
    this.callerOptions.checkCustomClaims(loginOptions?.customClaims, 'loginOptions.customClaims');
    const data = await this.descope
      .call((sdk) => sdk.password.signUp(loginId, password, user, loginOptions))
      .catch((error: unknown) => this.weak(error, password, 'password'));
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
    return this.authResponses.fromDescope(data, {
      deviceFor: loginId,
      endOthers: loginOptions?.revokeOtherSessions ? 'revoke_other_sessions' : undefined,
    });
  }

  /** A new password makes every device token of the user stop counting (then one is issued). */
  async replace(
    { loginId, oldPassword, newPassword, loginOptions }: PasswordReplaceDto,
    caller: CallerInfo,
  ): Promise<AuthResponseDto> {
    const data = await this.guesses.check(loginId, caller, () =>
      this.descope
        .call((sdk) => sdk.password.replace(loginId, oldPassword, newPassword))
        .catch((error: unknown) => this.weak(error, newPassword, 'newPassword')),
    );
    await this.devices.revoke(data.user?.loginIds ?? [loginId]);
    if (!loginOptions?.revokeOtherSessions) {
      return this.authResponses.fromDescope(data, { deviceFor: loginId });
    }
    const fresh = await this.signInEndingOthers(loginId, newPassword, data);
    return this.authResponses.fromDescope(fresh, {
      deviceFor: loginId,
      endOthers: 'password_change',
    });
  }

  /**
   * After a password change that should end every other session: Descope keeps the user's other
   * refresh tokens live after a replace or a reset (neither takes loginOptions), so a sign-in
   * with the new password and `revokeOtherSessions` ends them there too, and its session is the
   * answer. Should that sign-in fail (an MFA policy, say), the change's own answer stands and
   * only this service and the guard refuse the older tokens.
   */
  async signInEndingOthers(loginId: string, password: string, fallback: JWTResponse) {
    return this.descope
      .call((sdk) => sdk.password.signIn(loginId, password, { revokeOtherSessions: true }))
      .catch(() => {
        this.logger.warn('Descope did not end the other sessions after a password change');
        return fallback;
      });
  }

  async update(
    principal: RefreshPrincipal,
    { loginId, newPassword }: PasswordUpdateDto,
  ): Promise<void> {
    const owner = await this.ownership.owner(principal, loginId);
    await this.descope
      .call(
        (sdk) => sdk.password.update(owner.loginId, newPassword, principal.jwt),
        WITH_REFRESH_TOKEN,
      )
      .catch((error: unknown) => this.weak(error, newPassword, 'newPassword'));
    await this.devices.revoke(owner.loginIds);
  }

  /** A refused new password answers the rules it breaks (see explainRefusedPassword). */
  private weak(error: unknown, password: string, field: string): Promise<never> {
    return explainRefusedPassword(error, password, field, () => this.policy());
  }

  async policy(): Promise<PasswordPolicyResponseDto> {
    const policy = await this.descope.call((sdk) => sdk.password.policy());
    const { minLength, lowercase, uppercase, number, nonAlphanumeric } = policy;
    return { minLength, lowercase, uppercase, number, nonAlphanumeric };
  }
}
