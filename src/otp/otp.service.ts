import { LazyRefreshToken } from '@app/auth';
import { DescopeClient, DescopeErrorCodes, isDescopeCode } from '@app/descope';
import type { SdkResponse } from '@descope/node-sdk';
import { Injectable } from '@nestjs/common';
import { CallerInfo } from '../budgets/caller';
import { OtpChannel } from '../common/otp-channels';
import { GuessBudget } from '../budgets/guess-budget';
import { SendBudget } from '../budgets/send-budget';
import { AccountMergePolicy } from '../policies/account-merge.policy';
import { CallerOptionsPolicy } from '../policies/caller-options.policy';
import { StepUpPolicy } from '../policies/step-up.policy';
import { AuthResponseFactory } from '../tokens/auth-response.factory';
import { AuthResponseDto } from '../tokens/dto/auth-response.dto';
import { MaskedAddressResponseDto } from './dto/masked-address-response.dto';
import { OtpSignInDto } from './dto/otp-sign-in.dto';
import { OtpSignUpInDto } from './dto/otp-sign-up-in.dto';
import { OtpSignUpDto } from './dto/otp-sign-up.dto';
import { OtpVerifyDto } from './dto/otp-verify.dto';
import { checkAddress } from './otp-address';
import { maskOf } from './otp-mask';
import { PendingAddressUpdates } from './pending-address-updates';

/** What a send answers on any channel; the service answers its own mask instead (`maskOf`). */
type Sent = SdkResponse<{ maskedEmail?: string; maskedPhone?: string }>;

/**
 * Sign-up, sign-in and sign-up-or-in by a one-time code, and its verification. Sends spend the
 * send budget (over it: 202 as usual, nothing sent); verifications spend the guessing budget.
 */
@Injectable()
export class OtpService {
  constructor(
    private readonly descope: DescopeClient,
    private readonly authResponses: AuthResponseFactory,
    private readonly callerOptions: CallerOptionsPolicy,
    private readonly guesses: GuessBudget,
    private readonly sends: SendBudget,
    private readonly stepUp: StepUpPolicy,
    private readonly merges: AccountMergePolicy,
    private readonly pendingUpdates: PendingAddressUpdates,
  ) {}

  /** An existing login id answers 202 like a new one (and gets no code): sign-up reveals nothing. */
  async signUp(
    method: OtpChannel,
    { loginId, user, signUpOptions }: OtpSignUpDto,
    caller: CallerInfo,
  ): Promise<MaskedAddressResponseDto> {
    const destination = checkAddress(method, loginId, user);
    this.callerOptions.checkCustomClaims(signUpOptions?.customClaims, 'signUpOptions.customClaims');
    const target = { loginId, destination, channel: method };
    if (await this.sends.allow(caller, target, 'OTP sign-up')) {
      await this.descope
        .call<Sent>((sdk) => sdk.otp.signUp[method](loginId, user, signUpOptions))
        .catch((error: unknown) => {
          if (!isDescopeCode(error, DescopeErrorCodes.userExists)) throw error;
        });
    }
    return maskOf(method, loginId);
  }

  /** An unknown login id, or one with no address on the channel, answers 202 like any other. */
  async signIn(
    method: OtpChannel,
    { loginId, loginOptions }: OtpSignInDto,
    refresh: LazyRefreshToken,
    caller: CallerInfo,
  ): Promise<MaskedAddressResponseDto> {
    this.callerOptions.checkCustomClaims(loginOptions?.customClaims, 'loginOptions.customClaims');
    const token = await this.stepUp.token(loginOptions, loginId, refresh);
    const { userNotFound, invalidArguments } = DescopeErrorCodes;
    if (await this.sends.allow(caller, { loginId, channel: method }, 'OTP sign-in')) {
      await this.descope
        .call<Sent>((sdk) => sdk.otp.signIn[method](loginId, loginOptions, token))
        .catch((error: unknown) => {
          if (!isDescopeCode(error, userNotFound, invalidArguments)) throw error;
        });
    }
    return maskOf(method, loginId);
  }

  async signUpOrIn(
    method: OtpChannel,
    { loginId, signUpOptions }: OtpSignUpInDto,
    caller: CallerInfo,
  ): Promise<MaskedAddressResponseDto> {
    const destination = checkAddress(method, loginId);
    this.callerOptions.checkCustomClaims(signUpOptions?.customClaims, 'signUpOptions.customClaims');
    const target = { loginId, destination, channel: method };
    const { userNotFound, invalidArguments } = DescopeErrorCodes;
    if (await this.sends.allow(caller, target, 'OTP sign-up-or-in')) {
      // An existing account with no address on this channel answers like any other, as sign-in.
      await this.descope
        .call<Sent>((sdk) => sdk.otp.signUpOrIn[method](loginId, signUpOptions))
        .catch((error: unknown) => {
          if (!isDescopeCode(error, userNotFound, invalidArguments)) throw error;
        });
    }
    return maskOf(method, loginId);
  }

  async verify(
    method: OtpChannel,
    { loginId, code }: OtpVerifyDto,
    caller: CallerInfo,
  ): Promise<AuthResponseDto> {
    // An address update still pending: taken since the send, it must not merge (409, no verify).
    for (const { userId, address } of await this.pendingUpdates.pendingFor(loginId)) {
      await this.merges.checkAddress({ userId }, address, { addToLoginIDs: true });
    }
    const data = await this.guesses.check(loginId, caller, () =>
      this.descope.call((sdk) => sdk.otp.verify[method](loginId, code)),
    );
    await this.pendingUpdates.forget(loginId);
    return this.authResponses.fromDescope(data, { deviceFor: loginId });
  }
}
