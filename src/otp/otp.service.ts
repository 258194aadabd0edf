import { LazyRefreshToken, RefreshPrincipal } from '@app/auth';
import { DescopeClient, DescopeErrorCodes, isDescopeCode } from '@app/descope';
import type { SdkResponse } from '@descope/node-sdk';
import { Injectable } from '@nestjs/common';
import { CallerOptionsPolicy } from '../policies/caller-options.policy';
import { AuthResponseDto } from '../tokens/dto/auth-response.dto';
import { maskEmail, maskOf, maskPhone } from './otp-mask';
import { OwnershipPolicy } from '../policies/ownership.policy';
import { stepUpToken } from '../policies/step-up';
import { AuthResponseFactory } from '../tokens/auth-response.factory';
import { MaskedAddressResponseDto } from './dto/masked-address-response.dto';
import { OtpMethod, PhoneMethod } from './dto/otp-method.params';
import { OtpSignInDto } from './dto/otp-sign-in.dto';
import { OtpSignUpInDto } from './dto/otp-sign-up-in.dto';
import { OtpSignUpDto } from './dto/otp-sign-up.dto';
import { OtpUpdateEmailDto } from './dto/otp-update-email.dto';
import { OtpUpdatePhoneDto } from './dto/otp-update-phone.dto';
import { OtpVerifyDto } from './dto/otp-verify.dto';
import { checkAddress } from './otp-address';

/** What a send answers on any channel; the service answers its own mask instead (`maskOf`). */
type Sent = SdkResponse<{ maskedEmail?: string; maskedPhone?: string }>;

@Injectable()
export class OtpService {
  constructor(
    private readonly descope: DescopeClient,
    private readonly authResponses: AuthResponseFactory,
    private readonly ownership: OwnershipPolicy,
    private readonly callerOptions: CallerOptionsPolicy,
  ) {}

  /** An existing login id answers 202 like a new one (and gets no code): sign-up reveals nothing. */
  async signUp(
    method: OtpMethod,
    { loginId, user, signUpOptions }: OtpSignUpDto,
  ): Promise<MaskedAddressResponseDto> {
    checkAddress(method, loginId, user);
    this.callerOptions.checkCustomClaims(signUpOptions?.customClaims, 'signUpOptions.customClaims');
    await this.descope
      .call<Sent>((sdk) => sdk.otp.signUp[method](loginId, user, signUpOptions))
      .catch((error: unknown) => {
        if (!isDescopeCode(error, DescopeErrorCodes.userExists)) throw error;
      });
    return maskOf(method, loginId);
  }

  /** An unknown login id, or one with no address on the channel, answers 202 like any other. */
  async signIn(
    method: OtpMethod,
    { loginId, loginOptions }: OtpSignInDto,
    refresh: LazyRefreshToken,
  ): Promise<MaskedAddressResponseDto> {
    this.callerOptions.checkCustomClaims(loginOptions?.customClaims, 'loginOptions.customClaims');
    const token = await stepUpToken(loginOptions, refresh);
    const { userNotFound, invalidArguments } = DescopeErrorCodes;
    await this.descope
      .call<Sent>((sdk) => sdk.otp.signIn[method](loginId, loginOptions, token))
      .catch((error: unknown) => {
        if (!isDescopeCode(error, userNotFound, invalidArguments)) throw error;
      });
    return maskOf(method, loginId);
  }

  async signUpOrIn(
    method: OtpMethod,
    { loginId, signUpOptions }: OtpSignUpInDto,
  ): Promise<MaskedAddressResponseDto> {
    checkAddress(method, loginId);
    this.callerOptions.checkCustomClaims(signUpOptions?.customClaims, 'signUpOptions.customClaims');
    await this.descope.call<Sent>((sdk) => sdk.otp.signUpOrIn[method](loginId, signUpOptions));
    return maskOf(method, loginId);
  }

  async verify(method: OtpMethod, { loginId, code }: OtpVerifyDto): Promise<AuthResponseDto> {
    const data = await this.descope.call((sdk) => sdk.otp.verify[method](loginId, code));
    return this.authResponses.fromDescope(data);
  }

  async updateEmail(
    principal: RefreshPrincipal,
    dto: OtpUpdateEmailDto,
  ): Promise<MaskedAddressResponseDto> {
    const { loginId, email, ...options } = dto;
    const ownLoginId = await this.ownership.ownLoginId(principal, loginId);
    await this.descope.call((sdk) =>
      sdk.otp.update.email(ownLoginId, email, principal.jwt, options),
    );
    return { maskedAddress: maskEmail(email) };
  }

  async updatePhone(
    method: PhoneMethod,
    principal: RefreshPrincipal,
    dto: OtpUpdatePhoneDto,
  ): Promise<MaskedAddressResponseDto> {
    const { loginId, phone, ...options } = dto;
    const ownLoginId = await this.ownership.ownLoginId(principal, loginId);
    await this.descope.call<Sent>((sdk) =>
      sdk.otp.update.phone[method](ownLoginId, phone, principal.jwt, options),
    );
    return { maskedAddress: maskPhone(phone) };
  }
}
