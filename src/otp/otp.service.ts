import { LazyRefreshToken, RefreshPrincipal } from '@app/auth';
import { DescopeClient, DescopeErrorCodes, isDescopeCode } from '@app/descope';
import type { SdkResponse } from '@descope/node-sdk';
import { Injectable } from '@nestjs/common';
import { CallerOptionsPolicy } from '../policies/caller-options.policy';
import { AuthResponseDto } from '../tokens/dto/auth-response.dto';
import { plausibleMask } from './otp-mask';
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

type Masked = SdkResponse<{ maskedEmail?: string; maskedPhone?: string }>;

const toMasked = (data: {
  maskedEmail?: string;
  maskedPhone?: string;
}): MaskedAddressResponseDto => ({
  maskedAddress: data.maskedEmail ?? data.maskedPhone ?? '',
});
const maskFor = (method: OtpMethod, loginId: string) => ({
  maskedAddress: plausibleMask(method === 'email' ? 'email' : 'phone', loginId),
});

@Injectable()
export class OtpService {
  constructor(
    private readonly descope: DescopeClient,
    private readonly authResponses: AuthResponseFactory,
    private readonly ownership: OwnershipPolicy,
    private readonly callerOptions: CallerOptionsPolicy,
  ) {}

  /** An existing login id answers 202 like a new one (and gets no code), so sign-up reveals nothing. */
  async signUp(
    method: OtpMethod,
    { loginId, user, signUpOptions }: OtpSignUpDto,
  ): Promise<MaskedAddressResponseDto> {
    const address = checkAddress(method, loginId, user);
    this.callerOptions.checkCustomClaims(signUpOptions?.customClaims, 'signUpOptions.customClaims');
    try {
      return toMasked(
        await this.descope.call<Masked>((sdk) =>
          sdk.otp.signUp[method](loginId, user, signUpOptions),
        ),
      );
    } catch (error) {
      if (isDescopeCode(error, DescopeErrorCodes.userExists)) return maskFor(method, address);
      throw error;
    }
  }

  /** An unknown login id answers 202 with a made-up mask, so sign-in reveals nothing either. */
  async signIn(
    method: OtpMethod,
    { loginId, loginOptions }: OtpSignInDto,
    refresh: LazyRefreshToken,
  ): Promise<MaskedAddressResponseDto> {
    this.callerOptions.checkCustomClaims(loginOptions?.customClaims, 'loginOptions.customClaims');
    const token = await stepUpToken(loginOptions, refresh);
    try {
      return toMasked(
        await this.descope.call<Masked>((sdk) =>
          sdk.otp.signIn[method](loginId, loginOptions, token),
        ),
      );
    } catch (error) {
      // Unknown user, or a user with no address on this channel: both answer like a send.
      const { userNotFound, invalidArguments } = DescopeErrorCodes;
      if (isDescopeCode(error, userNotFound, invalidArguments)) return maskFor(method, loginId);
      throw error;
    }
  }

  async signUpOrIn(
    method: OtpMethod,
    { loginId, signUpOptions }: OtpSignUpInDto,
  ): Promise<MaskedAddressResponseDto> {
    checkAddress(method, loginId);
    this.callerOptions.checkCustomClaims(signUpOptions?.customClaims, 'signUpOptions.customClaims');
    return toMasked(
      await this.descope.call<Masked>((sdk) => sdk.otp.signUpOrIn[method](loginId, signUpOptions)),
    );
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
    return toMasked(
      await this.descope.call((sdk) =>
        sdk.otp.update.email(ownLoginId, email, principal.jwt, options),
      ),
    );
  }

  async updatePhone(
    method: PhoneMethod,
    principal: RefreshPrincipal,
    dto: OtpUpdatePhoneDto,
  ): Promise<MaskedAddressResponseDto> {
    const { loginId, phone, ...options } = dto;
    const ownLoginId = await this.ownership.ownLoginId(principal, loginId);
    const data = await this.descope.call<Masked>((sdk) =>
      sdk.otp.update.phone[method](ownLoginId, phone, principal.jwt, options),
    );
    return toMasked(data);
  }
}
