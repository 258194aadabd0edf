import { RefreshPrincipal } from '@app/auth';
import { DescopeClient, DescopeErrorCodes, isDescopeCode, isDescopeRefusal } from '@app/descope';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EnvironmentVariables } from '../config/env.validation';
import { ProblemError } from '../problems/problem.error';

/** What an OTP update asks about the new address. */
export interface MergeRequest {
  addToLoginIDs?: boolean;
  onMergeUseExisting?: boolean;
}

/** What the update then tells Descope: `onMergeUseExisting` only for an allowed merge. */
export type MergeOptions = { onMergeUseExisting?: true };

const refused = (field: string, message: string, detail: string) =>
  new ProblemError('invalid_request', detail, { errors: [{ field, message }] });

/**
 * Descope merges two accounts when an OTP update adds another user's login id (its SDKs:
 * `onMergeUseExisting` picks which one survives). No SDK offers a way to refuse that on the auth
 * route (`failOnConflict` exists only on the management updates), so the service looks the
 * address up itself, through the management API, before any code is sent: another user's login
 * id is 409 `user_exists` unless the caller asked to merge and ALLOW_ACCOUNT_MERGE=true.
 * Without a management key the check cannot run, so `addToLoginIDs` is refused (400).
 */
@Injectable()
export class AccountMergePolicy {
  private readonly allowMerge: boolean;

  constructor(
    config: ConfigService<EnvironmentVariables, true>,
    private readonly descope: DescopeClient,
  ) {
    this.allowMerge = config.get('ALLOW_ACCOUNT_MERGE', { infer: true });
  }

  /** Refuses what cannot be allowed before anything is sent; answers the options to send. */
  options({ addToLoginIDs, onMergeUseExisting }: MergeRequest): MergeOptions {
    if (onMergeUseExisting && !this.allowMerge) {
      throw refused(
        'onMergeUseExisting',
        'refused unless ALLOW_ACCOUNT_MERGE=true',
        'Account merges are disabled on this service',
      );
    }
    if (addToLoginIDs && !this.merges(onMergeUseExisting) && !this.descope.canManage) {
      throw refused(
        'addToLoginIDs',
        'refused unless DESCOPE_MANAGEMENT_KEY is set',
        'addToLoginIDs needs a management key on this service, to check that the address is not another account',
      );
    }
    return this.merges(onMergeUseExisting) ? { onMergeUseExisting: true } : {};
  }

  /**
   * 409 when `address` is a login id of a user other than the token's (merges not asked for).
   * Looked up as sent and lower-cased: a lookup that told spellings apart must not let one by.
   */
  async checkAddress(
    principal: Pick<RefreshPrincipal, 'userId'>,
    address: string,
    request: MergeRequest,
  ) {
    if (!this.checksAtVerify(request)) return;
    for (const spelling of new Set([address, address.toLowerCase()])) {
      const holder = await this.holderOf(spelling);
      if (holder && holder !== principal.userId) {
        throw new ProblemError('user_exists', 'The address already belongs to another user');
      }
    }
  }

  /** The update adds the address and no merge is allowed: check it again at verify. */
  checksAtVerify(request: MergeRequest): boolean {
    return Boolean(request.addToLoginIDs) && !this.merges(request.onMergeUseExisting);
  }

  private merges(onMergeUseExisting: boolean | undefined): boolean {
    return Boolean(onMergeUseExisting) && this.allowMerge;
  }

  /** The user id holding `loginId`, or undefined; a refused lookup is our misconfiguration. */
  private async holderOf(loginId: string): Promise<string | undefined> {
    try {
      const user = await this.descope.call((sdk) => sdk.management.user.load(loginId));
      return user.userId;
    } catch (error) {
      // Only Descope's "user not found" says nobody holds it: any other 404 (a proxy, a wrong
      // DESCOPE_BASE_URL) must not switch the check off.
      if (isDescopeCode(error, DescopeErrorCodes.managementUserNotFound)) return;
      if (isDescopeRefusal(error)) {
        throw new ProblemError(
          'upstream_unavailable',
          'Descope refused the management lookup that guards account merges; check DESCOPE_MANAGEMENT_KEY',
        );
      }
      throw error;
    }
  }
}
