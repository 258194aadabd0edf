import { DescopeApiError } from './descope.errors';

/**
 * Descope error codes the service reacts to (docs/descope-wire.md §4). E062901 and E062903 are
 * third-party reports of a failed password sign-in; E062904 is the local emulator's code for a
 * policy violation. Unknown codes fall back on their HTTP status, so a real code missing here
 * degrades to a generic 4xx, never to a 502.
 */
export const DescopeErrorCodes = {
  badRequest: 'E011001',
  missingArguments: 'E011002',
  invalidRequest: 'E011003',
  invalidArguments: 'E011004',
  wrongCode: 'E061102',
  tooManyAttempts: 'E061103',
  userExists: 'E062107',
  userNotFound: 'E062108',
  loginIdConflict: 'E062125',
  enchantedLinkPending: 'E062503',
  wrongPassword: 'E062901',
  passwordSignInFailed: 'E062903',
  weakPassword: 'E062904',
  passwordExpired: 'E062909',
  loggedOut: 'E064001',
  familyInvalidated: 'E064006',
  managementUserNotFound: 'E112102',
  rateLimited: 'E130429',
} as const;

/** Descope answered with one of these error codes. */
export const isDescopeCode = (error: unknown, ...codes: string[]): error is DescopeApiError =>
  error instanceof DescopeApiError && codes.includes(error.code);

/** Descope refused the request itself (4xx other than a rate limit): not an outage. */
export const isDescopeRefusal = (error: unknown): error is DescopeApiError =>
  error instanceof DescopeApiError && error.status < 500 && error.status !== 429;
