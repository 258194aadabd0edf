import { EmulatorContext, OtpIntent } from '../context';
import { EmulatorErrors } from '../errors';
import { isEmail, isPhone } from '../mask';
import { addressFieldOf, amrOf } from '../otp-channels';
import { customClaimsOf, raiseOf, sessionAfter } from '../login-options';
import { optionalObject, requiredString } from '../request-fields';
import { EmulatorRequest, route, Route } from '../route';
import { contactFields } from '../user-fields';
import { addressOf, channelOf, sendCode } from './otp-delivery';
import { applyUpdate } from './otp-update.routes';

function signUp(request: EmulatorRequest, context: EmulatorContext) {
  const channel = channelOf(request);
  const loginId = requiredString(request.body, 'loginId');
  if (context.store.findByLoginId(loginId)) throw EmulatorErrors.userExists();
  const fields = contactFields(loginId, optionalObject(request.body, 'user'));
  const to = addressOf(fields, channel);
  const field = addressFieldOf(channel);
  if (field === 'email' ? !isEmail(to) : !isPhone(to)) {
    throw EmulatorErrors.invalidRequest(`"${field}" is not valid`);
  }
  const customClaims = customClaimsOf(request.body);
  const intent: OtpIntent = { kind: 'signup', loginId, fields, customClaims };
  return sendCode(context, { loginId, channel, to, purpose: 'signup' }, intent);
}

function signIn(request: EmulatorRequest, context: EmulatorContext) {
  const channel = channelOf(request);
  const loginId = requiredString(request.body, 'loginId');
  const user = context.store.findByLoginId(loginId);
  if (!user) {
    const note = { channel, loginId, to: loginId, kind: 'signin' as const };
    context.outbox.suppress(note, 'no user has this login id (sign up first, or use signup-in)');
    throw EmulatorErrors.userNotFound();
  }
  const kind = raiseOf(request.body);
  const raised = kind && { kind, from: context.refreshTokens.stepUpSession(request.token, user) };
  const customClaims = customClaimsOf(request.body);
  const intent: OtpIntent = { kind: 'signin', userId: user.userId, raised, customClaims };
  const to = addressOf(user, channel);
  return sendCode(context, { loginId, channel, to, purpose: 'signin' }, intent);
}

function signUpOrIn(request: EmulatorRequest, context: EmulatorContext) {
  const exists = context.store.findByLoginId(requiredString(request.body, 'loginId'));
  return exists ? signIn(request, context) : signUp(request, context);
}

function verify(request: EmulatorRequest, context: EmulatorContext) {
  const channel = channelOf(request);
  const loginId = requiredString(request.body, 'loginId');
  const outcome = context.otpCodes.verify(loginId, channel, requiredString(request.body, 'code'));
  if (outcome.status === 'locked') throw EmulatorErrors.tooManyAttempts();
  if (outcome.status !== 'ok') throw EmulatorErrors.wrongCode();
  const intent = outcome.intent;
  const verifiedFlag =
    addressFieldOf(channel) === 'email' ? { verifiedEmail: true } : { verifiedPhone: true };
  if (intent.kind === 'update') {
    return context.tokens.authenticate(applyUpdate(context, intent), { amr: [amrOf(channel)] });
  }
  if (intent.kind === 'signup') {
    if (context.store.findByLoginId(intent.loginId)) throw EmulatorErrors.userExists();
    const fields = { ...intent.fields, ...verifiedFlag, loginIds: [intent.loginId] };
    const user = context.store.createUser(fields);
    return context.tokens.authenticate(user, {
      amr: [amrOf(channel)],
      customClaims: intent.customClaims,
    });
  }
  const user = context.store.findById(intent.userId);
  if (!user) throw EmulatorErrors.userNotFound();
  Object.assign(user, verifiedFlag);
  return context.tokens.authenticate(
    user,
    sessionAfter(amrOf(channel), intent.raised, intent.customClaims),
  );
}

/** `/v1/auth/otp/*`: sign-up, sign-in (step-up/MFA with a refresh token), sign-up-or-in, verify. */
export const otpRoutes: Route[] = [
  route('POST', '/v1/auth/otp/signup/:method', signUp),
  route('POST', '/v1/auth/otp/signin/:method', signIn),
  route('POST', '/v1/auth/otp/signup-in/:method', signUpOrIn),
  route('POST', '/v1/auth/otp/verify/:method', verify),
];
