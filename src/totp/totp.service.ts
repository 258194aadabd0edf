import { LazyRefreshToken, RefreshPrincipal } from '@app/auth';
import { DescopeClient, DescopeErrorCodes, WITH_REFRESH_TOKEN, isDescopeCode } from '@app/descope';
import { Injectable } from '@nestjs/common';
import { CallerOptionsPolicy } from '../policies/caller-options.policy';
import { AuthResponseDto } from '../tokens/dto/auth-response.dto';
import { OwnershipPolicy } from '../policies/ownership.policy';
import { ProblemError } from '../problems/problem.error';
import { StepUpPolicy } from '../policies/step-up.policy';
import { AuthResponseFactory } from '../tokens/auth-response.factory';
import { CallerInfo } from '../budgets/caller';
import { GuessBudget } from '../budgets/guess-budget';
import { TotpEnrolmentResponseDto } from './dto/totp-enrolment-response.dto';
import { TotpSignUpDto } from './dto/totp-sign-up.dto';
import { TotpUpdateDto } from './dto/totp-update.dto';
import { TotpVerifyDto } from './dto/totp-verify.dto';

const enrolment = ({ provisioningURL, image, key }: TotpEnrolmentResponseDto) => ({
  provisioningURL,
  image,
  key,
});

/** A user without an authenticator app fails verify like a wrong code (see WRONG_TOTP_CODE). */
function verifyProblem(error: unknown): unknown {
  if (!isDescopeCode(error, DescopeErrorCodes.invalidArguments)) return error;
  return new ProblemError('invalid_code', 'No authenticator app is enrolled for this login id');
}

@Injectable()
export class TotpService {
  constructor(
    private readonly descope: DescopeClient,
    private readonly authResponses: AuthResponseFactory,
    private readonly ownership: OwnershipPolicy,
    private readonly callerOptions: CallerOptionsPolicy,
    private readonly guesses: GuessBudget,
    private readonly stepUp: StepUpPolicy,
  ) {}

  async signUp({ loginId, user }: TotpSignUpDto): Promise<TotpEnrolmentResponseDto> {
    return enrolment(await this.descope.call((sdk) => sdk.totp.signUp(loginId, user)));
  }

  async verify(
    { loginId, code, loginOptions }: TotpVerifyDto,
    refresh: LazyRefreshToken,
    caller: CallerInfo,
  ): Promise<AuthResponseDto> {
    this.callerOptions.checkCustomClaims(loginOptions?.customClaims, 'loginOptions.customClaims');
    const token = await this.stepUp.token(loginOptions, loginId, refresh);
    const data = await this.guesses.check(loginId, caller, () =>
      this.descope
        .call((sdk) => sdk.totp.verify(loginId, code, loginOptions, token))
        .catch((error: unknown) => {
          throw verifyProblem(error);
        }),
    );
    return this.authResponses.fromDescope(data, {
      deviceFor: loginId,
      endOthers: loginOptions?.revokeOtherSessions ? 'revoke_other_sessions' : undefined,
    });
  }

  async update(
    principal: RefreshPrincipal,
    { loginId }: TotpUpdateDto,
  ): Promise<TotpEnrolmentResponseDto> {
    const owner = await this.ownership.owner(principal, loginId);
    return enrolment(
      await this.descope.call(
        (sdk) => sdk.totp.update(owner.loginId, principal.jwt),
        WITH_REFRESH_TOKEN,
      ),
    );
  }
}
