import { AccountFailure } from './hides-accounts.effect';

/*
 * The one answer of each route that checks a secret, for every way it can fail: wrong secret,
 * unknown user, locked. Each detail names every cause, so a real user knows what to check.
 */

export const WRONG_PASSWORD: AccountFailure = {
  code: 'invalid_credentials',
  detail:
    'The login id or password is wrong, or the account is locked for a while: check them, or try again later',
};

export const WRONG_OTP_CODE: AccountFailure = {
  code: 'invalid_code',
  detail:
    'The code is wrong, expired or already used, or too many wrong codes were tried: request a new code',
};

export const WRONG_TOTP_CODE: AccountFailure = {
  code: 'invalid_code',
  detail:
    'The code is wrong, or no authenticator app is enrolled for this login id (enrol with /v1/totp/signup or /v1/totp/update), or too many wrong codes were tried: try again later',
};

export const BAD_RESET_LINK: AccountFailure = {
  code: 'invalid_code',
  detail: 'The reset link is invalid, expired or already used: request a new one',
};
