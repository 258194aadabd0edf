import { RefreshPrincipal } from '@app/auth';
import { DescopeClient, WITH_REFRESH_TOKEN } from '@app/descope';
import { Injectable } from '@nestjs/common';
import { CallerInfo } from '../budgets/caller';
import { SendBudget } from '../budgets/send-budget';
import { PhoneChannel } from '../common/otp-channels';
import { AccountMergePolicy, MergeOptions } from '../policies/account-merge.policy';
import { OwnershipPolicy } from '../policies/ownership.policy';
import { MaskedAddressResponseDto } from './dto/masked-address-response.dto';
import { OtpUpdateEmailDto } from './dto/otp-update-email.dto';
import { OtpUpdatePhoneDto } from './dto/otp-update-phone.dto';
import { maskEmail, maskPhone } from './otp-mask';
import { PendingAddressUpdates } from './pending-address-updates';

/** The update options sent to Descope (the SDK's `UpdateOptions`). */
type UpdateOptions = MergeOptions & {
  addToLoginIDs?: boolean;
  templateOptions?: Record<string, string>;
};

/** What the SDK's update is called with once the checks pass. */
type Send = (loginId: string, options: UpdateOptions) => Promise<unknown>;

/**
 * Changing the email or phone of the refresh token's own user: a code goes to the new address
 * (within the send budget) and is verified with /v1/otp/verify/{method}. Another user's login id
 * as the new address is refused before anything is sent (AccountMergePolicy).
 */
@Injectable()
export class OtpUpdateService {
  constructor(
    private readonly descope: DescopeClient,
    private readonly ownership: OwnershipPolicy,
    private readonly sends: SendBudget,
    private readonly merges: AccountMergePolicy,
    private readonly pending: PendingAddressUpdates,
  ) {}

  async updateEmail(
    principal: RefreshPrincipal,
    dto: OtpUpdateEmailDto,
    caller: CallerInfo,
  ): Promise<MaskedAddressResponseDto> {
    const { email } = dto;
    await this.update(principal, dto, caller, { address: email, channel: 'email' }, (id, opts) =>
      this.descope.call(
        (sdk) => sdk.otp.update.email(id, email, principal.jwt, opts),
        WITH_REFRESH_TOKEN,
      ),
    );
    return { maskedAddress: maskEmail(email) };
  }

  async updatePhone(
    method: PhoneChannel,
    principal: RefreshPrincipal,
    dto: OtpUpdatePhoneDto,
    caller: CallerInfo,
  ): Promise<MaskedAddressResponseDto> {
    const { phone } = dto;
    await this.update(principal, dto, caller, { address: phone, channel: method }, (id, opts) =>
      this.descope.call(
        (sdk) => sdk.otp.update.phone[method](id, phone, principal.jwt, opts),
        WITH_REFRESH_TOKEN,
      ),
    );
    return { maskedAddress: maskPhone(phone) };
  }

  /** Checks, budget, merge lookup, then the send; the caller's answer is the same either way. */
  private async update(
    principal: RefreshPrincipal,
    dto: OtpUpdateEmailDto | OtpUpdatePhoneDto,
    caller: CallerInfo,
    { address, channel }: { address: string; channel: 'email' | PhoneChannel },
    send: Send,
  ): Promise<void> {
    const { addToLoginIDs, onMergeUseExisting, templateOptions } = dto;
    const merge = this.merges.options({ addToLoginIDs, onMergeUseExisting });
    const owner = await this.ownership.owner(principal, dto.loginId);
    const target = { loginId: owner.loginId, destination: address, channel };
    const what = channel === 'email' ? 'OTP email update' : 'OTP phone update';
    if (!(await this.sends.allow(caller, target, what))) return;
    const request = { addToLoginIDs, onMergeUseExisting };
    await this.merges.checkAddress(principal, address, request);
    if (this.merges.checksAtVerify(request)) {
      await this.pending.remember(owner.loginId, { userId: principal.userId, address });
    }
    await send(owner.loginId, { addToLoginIDs, templateOptions, ...merge });
  }
}
