import QRCode from 'qrcode';
import { EmulatorContext } from '../context';
import { EmulatorErrors } from '../errors';
import { customClaimsOf, raiseOf, revokesOthers, sessionAfter } from '../login-options';
import { optionalObject, requiredString } from '../request-fields';
import { EmulatorRequest, route, Route } from '../route';
import { TotpState } from '../store-records';
import { matchTotp, newTotpSecret } from '../totp';
import { contactFields } from '../user-fields';

const freshTotp = (): TotpState => ({
  secret: newTotpSecret(),
  lastCounter: -1,
  wrongAttempts: 0,
  lockedUntil: 0,
});

/** Descope's TOTPResponse: the otpauth URL, a QR code of it (bare base64 PNG) and the key. */
async function enrolment({ secret }: TotpState, loginId: string, context: EmulatorContext) {
  const issuer = context.options.totpIssuer;
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(loginId)}`;
  const query = `secret=${secret}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=30`;
  const provisioningURL = `otpauth://totp/${label}?${query}`;
  const png = await QRCode.toBuffer(provisioningURL, {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 2,
  });
  return { provisioningURL, image: png.toString('base64'), key: secret };
}

/** The user is created by the first verify (see PendingTotpSignUps), not here. */
function signUp({ body }: EmulatorRequest, context: EmulatorContext) {
  const loginId = requiredString(body, 'loginId');
  if (context.store.findByLoginId(loginId)) throw EmulatorErrors.userExists();
  const fields = contactFields(loginId, optionalObject(body, 'user'));
  const totp = freshTotp();
  context.pendingTotp.put({ loginId, fields, totp });
  return enrolment(totp, loginId, context);
}

/** The first verify of a TOTP sign-up: a right code registers the user and signs it in. */
function completeSignUp(
  loginId: string,
  code: string,
  body: EmulatorRequest['body'],
  context: EmulatorContext,
) {
  const pending = context.pendingTotp.find(loginId);
  if (!pending) throw EmulatorErrors.userNotFound();
  checkCode(pending.totp, code, context);
  context.pendingTotp.delete(loginId);
  const user = context.store.createUser({
    ...pending.fields,
    loginIds: [loginId],
    totp: pending.totp,
  });
  return context.tokens.authenticate(user, sessionAfter('totp', undefined, customClaimsOf(body)));
}

/** Checks a code: lockout first, then the window, then replay; counts wrong codes. */
function checkCode(totp: TotpState, code: string, context: EmulatorContext): void {
  if (totp.lockedUntil > Date.now()) throw EmulatorErrors.tooManyAttempts();
  const counter = matchTotp(totp.secret, code, totp.lastCounter);
  if (counter === undefined) {
    totp.wrongAttempts += 1;
    if (totp.wrongAttempts >= context.options.maxWrongCodes) {
      totp.wrongAttempts = 0;
      totp.lockedUntil = Date.now() + context.options.otpTtlSeconds * 1000;
      throw EmulatorErrors.tooManyAttempts();
    }
    throw EmulatorErrors.wrongCode();
  }
  Object.assign(totp, { lastCounter: counter, wrongAttempts: 0 });
}

function verify({ body, token }: EmulatorRequest, context: EmulatorContext) {
  const loginId = requiredString(body, 'loginId');
  const code = requiredString(body, 'code');
  const user = context.store.findByLoginId(loginId);
  if (!user) return completeSignUp(loginId, code, body, context);
  if (!user.totp)
    throw EmulatorErrors.invalidArguments('The user has no authenticator app (TOTP) enrolled');
  const kind = raiseOf(body);
  const raised = kind && { kind, from: context.refreshTokens.stepUpSession(token, user) };
  checkCode(user.totp, code, context);
  const session = sessionAfter('totp', raised, customClaimsOf(body));
  return context.tokens.authenticate(user, session, revokesOthers(body));
}

function update({ body, token }: EmulatorRequest, context: EmulatorContext) {
  const loginId = requiredString(body, 'loginId');
  const owner = context.refreshTokens.ownerOf(token, loginId);
  owner.totp = freshTotp();
  return enrolment(owner.totp, loginId, context);
}

/** `/v1/auth/totp/*`: enrol, verify (RFC 6238, one step either side, no replay), re-enrol. */
export const totpRoutes: Route[] = [
  route('POST', '/v1/auth/totp/signup', signUp),
  route('POST', '/v1/auth/totp/verify', verify),
  route('POST', '/v1/auth/totp/update', update),
];
