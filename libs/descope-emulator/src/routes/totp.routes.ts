import QRCode from 'qrcode';
import { EmulatorContext } from '../context';
import { EmulatorErrors } from '../errors';
import { customClaimsOf, raiseOf, sessionAfter } from '../login-options';
import { optionalObject, requiredString } from '../request-fields';
import { EmulatorRequest, route, Route } from '../route';
import { EmulatorUser, TotpState } from '../store-records';
import { matchTotp, newTotpSecret } from '../totp';
import { contactFields } from '../user-fields';

/** Descope's TOTPResponse: the otpauth URL, a QR code of it (bare base64 PNG) and the key. */
async function enrol(user: EmulatorUser, loginId: string, context: EmulatorContext) {
  const secret = newTotpSecret();
  user.totp = { secret, lastCounter: -1, wrongAttempts: 0, lockedUntil: 0 };
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

function signUp({ body }: EmulatorRequest, context: EmulatorContext) {
  const loginId = requiredString(body, 'loginId');
  if (context.store.findByLoginId(loginId)) throw EmulatorErrors.userExists();
  const user = context.store.createUser({
    ...contactFields(loginId, optionalObject(body, 'user')),
    loginIds: [loginId],
  });
  return enrol(user, loginId, context);
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
  if (!user) throw EmulatorErrors.userNotFound();
  if (!user.totp)
    throw EmulatorErrors.invalidArguments('The user has no authenticator app (TOTP) enrolled');
  const kind = raiseOf(body);
  const raised = kind && { kind, from: context.refreshTokens.stepUpSession(token, user) };
  checkCode(user.totp, code, context);
  return context.tokens.authenticate(user, sessionAfter('totp', raised, customClaimsOf(body)));
}

function update({ body, token }: EmulatorRequest, context: EmulatorContext) {
  const loginId = requiredString(body, 'loginId');
  const owner = context.refreshTokens.ownerOf(token, loginId);
  return enrol(owner, loginId, context);
}

/** `/v1/auth/totp/*`: enrol, verify (RFC 6238, one step either side, no replay), re-enrol. */
export const totpRoutes: Route[] = [
  route('POST', '/v1/auth/totp/signup', signUp),
  route('POST', '/v1/auth/totp/verify', verify),
  route('POST', '/v1/auth/totp/update', update),
];
