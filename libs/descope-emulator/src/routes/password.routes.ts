import { randomBytes } from 'node:crypto';
import { EmulatorContext } from '../context';
import { EmulatorErrors } from '../errors';
import { maskEmail } from '../mask';
import { customClaimsOf, revokesOthers } from '../login-options';
import { checkPassword, setPassword } from '../password-check';
import { hashPassword, policyViolations } from '../passwords';
import { optionalObject, optionalString, requiredString } from '../request-fields';
import { EmulatorRequest, route, Route } from '../route';
import { contactFields } from '../user-fields';

async function hashWithPolicy(password: string, context: EmulatorContext): Promise<string> {
  const broken = policyViolations(password, context.options.passwordPolicy);
  if (broken.length) throw EmulatorErrors.weakPassword(`The password needs ${broken.join(', ')}`);
  return hashPassword(password);
}

async function signUp({ body }: EmulatorRequest, context: EmulatorContext) {
  const loginId = requiredString(body, 'loginId');
  const password = requiredString(body, 'password');
  if (context.store.findByLoginId(loginId)) throw EmulatorErrors.userExists();
  const fields = contactFields(loginId, optionalObject(body, 'user'));
  const passwordHash = await hashWithPolicy(password, context);
  const user = context.store.createUser({ ...fields, loginIds: [loginId] });
  setPassword(user, passwordHash);
  return context.tokens.authenticate(user, { amr: ['pwd'], customClaims: customClaimsOf(body) });
}

async function signIn({ body }: EmulatorRequest, context: EmulatorContext) {
  const loginId = requiredString(body, 'loginId');
  const user = await checkPassword(context, loginId, requiredString(body, 'password'));
  const session = { amr: ['pwd'], customClaims: customClaimsOf(body) };
  return context.tokens.authenticate(user, session, revokesOthers(body));
}

async function update({ body, token }: EmulatorRequest, context: EmulatorContext) {
  const loginId = requiredString(body, 'loginId');
  const newPassword = requiredString(body, 'newPassword');
  const owner = context.refreshTokens.ownerOf(token, loginId);
  setPassword(owner, await hashWithPolicy(newPassword, context));
  return {};
}

async function replace({ body }: EmulatorRequest, context: EmulatorContext) {
  const loginId = requiredString(body, 'loginId');
  const oldPassword = requiredString(body, 'oldPassword');
  const newPassword = requiredString(body, 'newPassword');
  // Replace is the way out of an expired password (inferred: Descope's docs name no other).
  const user = await checkPassword(context, loginId, oldPassword, true);
  if (user.status === 'disabled') throw EmulatorErrors.userDisabled();
  setPassword(user, await hashWithPolicy(newPassword, context));
  return context.tokens.authenticate(user, { amr: ['pwd'] });
}

/**
 * Sends a reset link to the user's verified email only. The node SDK's README: "sendReset will
 * only work if the user has a validated email address"; what Descope answers otherwise is not
 * published, so E011004 here is a stand-in.
 */
function sendReset({ body }: EmulatorRequest, context: EmulatorContext) {
  const loginId = requiredString(body, 'loginId');
  const redirectUrl = optionalString(body, 'redirectUrl') ?? context.options.defaultRedirectUrl;
  const user = context.store.findByLoginId(loginId);
  const note = { channel: 'email' as const, loginId, kind: 'password-reset' as const };
  if (!user) {
    context.outbox.suppress({ ...note, to: loginId }, 'no user has this login id');
    throw EmulatorErrors.userNotFound();
  }
  if (!user.email || !user.verifiedEmail) {
    const why = 'the user has no verified email; Descope sends reset links only to one';
    context.outbox.suppress({ ...note, to: user.email ?? loginId }, why);
    throw EmulatorErrors.noVerifiedEmail();
  }
  const to = user.email;
  const token = randomBytes(24).toString('base64url');
  const expiresAt = Date.now() + context.options.resetTokenTtlSeconds * 1000;
  context.resetTokens.set(token, { userId: user.userId, expiresAt });
  const link = `${redirectUrl}${redirectUrl.includes('?') ? '&' : '?'}t=${token}`;
  context.outbox.deliver({ channel: 'email', loginId, to, kind: 'password-reset', link, token });
  return { resetMethod: 'magiclink', maskedEmail: maskEmail(to) };
}

function verifyMagicLink({ body }: EmulatorRequest, context: EmulatorContext) {
  const token = requiredString(body, 'token');
  const pending = context.resetTokens.get(token);
  context.resetTokens.delete(token);
  const user = pending && pending.expiresAt > Date.now() && context.store.findById(pending.userId);
  if (!user) throw EmulatorErrors.resetLinkInvalid();
  user.verifiedEmail = true;
  return context.tokens.authenticate(user, { amr: ['email'] });
}

/** `/v1/auth/password/*` and the magic-link verify that completes a reset. */
export const passwordRoutes: Route[] = [
  route('POST', '/v1/auth/password/signup', signUp),
  route('POST', '/v1/auth/password/signin', signIn),
  route('POST', '/v1/auth/password/update', update),
  route('POST', '/v1/auth/password/replace', replace),
  route('POST', '/v1/auth/password/reset', sendReset),
  route('GET', '/v1/auth/password/policy', (_request, context) => ({
    ...context.options.passwordPolicy,
    active: true,
  })),
  route('POST', '/v1/auth/magiclink/verify', verifyMagicLink),
];
