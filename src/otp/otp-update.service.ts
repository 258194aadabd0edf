import { RefreshPrincipal } from '@app/auth';
import { DescopeClient } from '@app/descope';
import type { SdkResponse } from '@descope/node-sdk';
import { Injectable } from '@nestjs/common';
import { CallerInfo } from '../budgets/caller';
import { PhoneChannel } from '../common/otp-channels';
import { SendBudget } from '../budgets/send-budget';
import { CallerOptionsPolicy } from '../policies/caller-options.policy';
import { OwnershipPolicy } from '../policies/ownership.policy';
import { MaskedAddressResponseDto } from './dto/masked-address-response.dto';
import { OtpUpdateEmailDto } from './dto/otp-update-email.dto';
import { OtpUpdatePhoneDto } from './dto/otp-update-phone.dto';
import { maskEmail, maskPhone } from './otp-mask';

/**
 * Changing the email or phone of the refresh token's own user: a code goes to the new address
 * (within the send budget) and is verified with /v1/otp/verify/{method}. The SDK spreads the
 * options into the request body, which is how `failOnConflict` (not in its types) reaches Descope.
 */
@Injectable()
export class OtpUpdateService {
  constructor(
    private readonly descope: DescopeClient,
    private readonly ownership: OwnershipPolicy,
    private readonly sends: SendBudget,
    private readonly callerOptions: CallerOptionsPolicy,
  ) {}

  async updateEmail(
    principal: RefreshPrincipal,
    dto: OtpUpdateEmailDto,
    caller: CallerInfo,
  ): Promise<MaskedAddressResponseDto> {
    const { loginId, email, onMergeUseExisting, ...rest } = dto;
    const options = { ...rest, ...this.callerOptions.mergeOptions(onMergeUseExisting) };
    const owner = await this.ownership.owner(principal, loginId);
    const target = { loginId: owner.loginId, destination: email, channel: 'email' as const };
    if (await this.sends.allow(caller, target, 'OTP email update')) {
      await this.descope.call((sdk) =>
        sdk.otp.update.email(owner.loginId, email, principal.jwt, options),
      );
    }
    return { maskedAddress: maskEmail(email) };
  }

  async updatePhone(
    method: PhoneChannel,
    principal: RefreshPrincipal,
    dto: OtpUpdatePhoneDto,
    caller: CallerInfo,
  ): Promise<MaskedAddressResponseDto> {
    const { loginId, phone, onMergeUseExisting, ...rest } = dto;
    const options = { ...rest, ...this.callerOptions.mergeOptions(onMergeUseExisting) };
    const owner = await this.ownership.owner(principal, loginId);
    const target = { loginId: owner.loginId, destination: phone, channel: method };
    if (await this.sends.allow(caller, target, 'OTP phone update')) {
      await this.descope.call<SdkResponse<{ maskedPhone?: string }>>((sdk) =>
        sdk.otp.update.phone[method](owner.loginId, phone, principal.jwt, options),
      );
    }
    return { maskedAddress: maskPhone(phone) };
  }
}
