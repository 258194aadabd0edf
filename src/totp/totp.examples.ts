import { EXAMPLE_USER } from '../common/dto/fields';

/** Swagger request examples: the prefilled one needs no refresh token and no custom claims. */
export const TOTP_EXAMPLES = {
  verify: {
    code: {
      summary: 'the code the app shows',
      value: { loginId: EXAMPLE_USER.loginId, code: '492039' },
    },
    stepup: {
      summary: 'step-up (send the refresh token too)',
      value: { loginId: EXAMPLE_USER.loginId, code: '492039', loginOptions: { stepup: true } },
    },
  },
};
