/**
 * Where something the emulator says comes from. `attested`: a Descope-owned SDK, test or doc
 * states it (repository + path, or URL); `inferred`: read from weaker evidence (an SDK's test mock,
 * a third party, git history), named; `standIn`: not published anywhere found, chosen here, and
 * why. docs/descope-wire.md §4 lists the same table for readers; a live-project run must confirm
 * everything that is not `attested`.
 */
export type Evidence = { attested: string } | { inferred: string } | { standIn: string };

/** One error answer: its status and code, each with its evidence. */
export interface DescopeAnswer {
  status: number;
  code: string;
  description: string;
  codeFrom: Evidence;
  statusFrom: Evidence;
}

/** Codes the emulator makes up where Descope publishes none: never a real code's range. */
export const STAND_IN_CODE = /^E99\d{4}$/;

/**
 * Stand-ins that keep a real-looking code, and why: the service maps E062904 to `weak_password`
 * by code, and E011004 is Descope's own "invalid arguments", here for an unpublished refusal.
 */
export const KEPT_STAND_IN_CODES = ['E062904', 'E011004'];

const attested = (source: string): Evidence => ({ attested: source });
const inferred = (source: string): Evidence => ({ inferred: source });
const standIn = (why: string): Evidence => ({ standIn: why });
const answer = (
  status: number,
  code: string,
  description: string,
  codeFrom: Evidence,
  statusFrom: Evidence,
): DescopeAnswer => ({ status, code, description, codeFrom, statusFrom });

// The sources, once each (repository + path; docs/descope-wire.md §4 has commits and quotes).
const GO = attested('go-sdk descope/errors.go');
const NODE = attested('node-sdk lib/errors.ts');
const MOCK_400 = inferred(
  'SDK test mocks answer 400 to refused requests: go-sdk internal/auth/auth_test.go, python-sdk tests/test_auth.py',
);
const RUBY_LIVE = attested(
  'descope-ruby-sdk spec/integration/lib.descope/api/v1/management/user_spec.rb (live project)',
);
const UNAUTHORIZED_401 = attested('go-sdk README.md: IsUnauthorizedError, a 401');
const REFRESH_4XX = attested('descope-js web-js-sdk src/enhancers/helpers/index.ts: 4xx ends it');
const DOTNET_MOCK = inferred('descope-dotnet Descope.Test/UnitTests/ErrorHandlingTests.cs (mock)');
const THIRD_PARTY = inferred(
  'one third-party test mock (the code index names no repository); no Descope repository has it',
);
const UNPUBLISHED = standIn('not published anywhere found');
const EMULATOR_ONLY = standIn("the emulator's own admin routes and UI; Descope has no such route");

/** Every error answer the emulator can send. A unit test holds each to its evidence. */
export const DESCOPE_ANSWERS = {
  bodyTooLarge: answer(413, 'E011001', 'Request is malformed', NODE, UNPUBLISHED),
  routeNotFound: answer(404, 'E011001', 'Route not found', GO, UNPUBLISHED),
  invalidRequest: answer(400, 'E011003', 'Request is invalid', GO, MOCK_400),
  invalidArguments: answer(400, 'E011004', 'Invalid arguments', NODE, MOCK_400),
  unauthorized: answer(401, 'E990001', 'Unauthorized request', UNPUBLISHED, UNAUTHORIZED_401),
  invalidToken: answer(401, 'E990002', 'Invalid token', UNPUBLISHED, REFRESH_4XX),
  resetLinkInvalid: answer(401, 'E062504', 'Token expired', DOTNET_MOCK, DOTNET_MOCK),
  tokenRevoked: answer(401, 'E064001', 'Token expired because logged out', GO, REFRESH_4XX),
  familyInvalidated: answer(400, 'E064006', 'JWT family ID invalidated', THIRD_PARTY, THIRD_PARTY),
  wrongCode: answer(
    400,
    'E061102',
    'Wrong one-time code',
    GO,
    inferred('descope-kotlin DescopeClientTest.kt (mock)'),
  ),
  tooManyAttempts: answer(
    400,
    'E061103',
    'Too many attempts',
    NODE,
    standIn('not published; 400 like E061102, since a 429 reads as a rate limit'),
  ),
  userExists: answer(400, 'E062107', 'User already exists', GO, MOCK_400),
  userNotFound: answer(
    400,
    'E062108',
    'User not found',
    NODE,
    inferred('python-sdk tests/test_auth.py (mock)'),
  ),
  wrongPassword: answer(
    401,
    'E062903',
    'Invalid signin credentials',
    inferred('descope-ruby-sdk user_spec.rb at 96039b8 (since changed); third-party constants'),
    RUBY_LIVE,
  ),
  weakPassword: answer(
    400,
    'E062904',
    'Password does not meet the password policy',
    standIn("the emulator's own code; the service maps it to weak_password"),
    MOCK_400,
  ),
  passwordExpired: answer(401, 'E062909', 'Password expired', GO, RUBY_LIVE),
  accountLocked: answer(401, 'E990003', 'User is locked', UNPUBLISHED, UNAUTHORIZED_401),
  userDisabled: answer(401, 'E990004', 'User is disabled', UNPUBLISHED, UNAUTHORIZED_401),
  noVerifiedEmail: answer(400, 'E011004', 'Invalid arguments', UNPUBLISHED, UNPUBLISHED),
  mgmtUserNotFound: answer(404, 'E112102', 'User not found', GO, RUBY_LIVE),
  internalError: answer(500, 'E990500', 'Internal error', UNPUBLISHED, UNPUBLISHED),
  unavailable: answer(503, 'E990503', 'Service unavailable', UNPUBLISHED, UNPUBLISHED),
  adminRefused: answer(403, 'E990403', 'Emulator admin refused', EMULATOR_ONLY, EMULATOR_ONLY),
  rateLimited: answer(
    429,
    'E130429',
    'Too many requests',
    GO,
    attested('https://docs.descope.com/rate-limiting (429 and Retry-After)'),
  ),
};

export type AnswerName = keyof typeof DESCOPE_ANSWERS;

/** The answer for a code sent with a status, if the emulator can send it. */
export const answerFor = (code: string, status: number): DescopeAnswer | undefined =>
  Object.values(DESCOPE_ANSWERS).find((a) => a.code === code && a.status === status);
