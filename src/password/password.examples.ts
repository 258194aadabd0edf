import { EXAMPLE_USER } from '../common/dto/fields';

/**
 * Swagger request examples: the prefilled one works on a default `npm start` (no custom claims,
 * which need ALLOW_CUSTOM_CLAIMS), and sign-in takes the user sign-up created.
 */
export const PASSWORD_EXAMPLES = {
  signUp: {
    user: { summary: 'a new user', value: { ...EXAMPLE_USER, user: { name: 'Grace Hopper' } } },
  },
  signIn: {
    user: { summary: 'the user of the sign-up example', value: { ...EXAMPLE_USER } },
    revoke: {
      summary: "log out the user's other sessions",
      value: { ...EXAMPLE_USER, loginOptions: { revokeOtherSessions: true } },
    },
  },
};
