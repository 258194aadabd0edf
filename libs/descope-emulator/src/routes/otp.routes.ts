import { EmulatorContext, OtpIntent } from '../context';
import { EmulatorErrors } from '../errors';
import { isEmail, isPhone, maskEmail, maskPhone } from '../mask';
import { OtpChannel } from '../otp-codes';
import { optionalBoolean, optionalObject, requiredString } from '../request-fields';
import { EmulatorRequest, route, Route } from '../route';
import { EmulatorUser } from '../store';
import { contactFields } from './password.routes';

const CHANNELS: OtpChannel[] = ['email', 'sms', 'voice', 'whatsapp'];

function channelOf({ params }: EmulatorRequest, phoneOnly = false): OtpChannel {
  const channel = params.method as OtpChannel;
  if (!CHANNELS.includes(channel) || (phoneOnly && channel === 'email')) {
    throw EmulatorErrors.invalidRequest(`Unsupported delivery method "${params.method}"`);
  }
  return channel;
}

const masked = (channel: OtpChannel, address: string) =>
  channel === 'email' ? { maskedEmail: maskEmail(address) } : { maskedPhone: maskPhone(address) };

/** Where a channel delivers for a user: the email for email, the phone otherwise. */
function addressOf(user: Partial<EmulatorUser>, channel: OtpChannel): string {
  const address = channel === 'email' ? user.email : user.phone;
  if (!address)
    throw EmulatorErrors.invalidArguments(
      `The user has no ${channel === 'email' ? 'email' : 'phone'}`,
    );
  return address;
}

function send(
  context: EmulatorContext,
  loginId: string,
  channel: OtpChannel,
  to: string,
  kind: 'signup' | 'signin',
  intent: OtpIntent,
) {
  const code = context.otpCodes.issue(loginId, channel, 'signin', intent);
  context.outbox.deliver({ channel, loginId, to, kind, code });
  return masked(channel, to);
}

const customClaimsOf = (body: Record<string, unknown>) =>
  optionalObject(optionalObject(body, 'loginOptions') ?? {}, 'customClaims');

function signUp(request: EmulatorRequest, context: EmulatorContext) {
  const channel = channelOf(request);
  const loginId = requiredString(request.body, 'loginId');
  if (context.store.findByLoginId(loginId)) throw EmulatorErrors.userExists();
  const fields = contactFields(loginId, optionalObject(request.body, 'user'));
  const to = addressOf(fields, channel);
  if (channel === 'email' ? !isEmail(to) : !isPhone(to)) {
    throw EmulatorErrors.invalidRequest(
      `"${channel === 'email' ? 'email' : 'phone'}" is not valid`,
    );
  }
  const intent: OtpIntent = {
    kind: 'signup',
    loginId,
    fields,
    customClaims: customClaimsOf(request.body),
  };
  return send(context, loginId, channel, to, 'signup', intent);
}

function signIn(request: EmulatorRequest, context: EmulatorContext) {
  const channel = channelOf(request);
  const loginId = requiredString(request.body, 'loginId');
  const user = context.store.findByLoginId(loginId);
  if (!user) throw EmulatorErrors.userNotFound();
  const options = optionalObject(request.body, 'loginOptions') ?? {};
  const stepUp = optionalBoolean(options, 'stepup') || optionalBoolean(options, 'mfa');
  const stepUpFrom = stepUp ? context.tokens.verifyRefresh(request.token) : undefined;
  if (stepUpFrom && stepUpFrom.userId !== user.userId) {
    throw EmulatorErrors.unauthorized('The refresh token belongs to another user');
  }
  const intent: OtpIntent = {
    kind: 'signin',
    userId: user.userId,
    stepUpFrom,
    customClaims: customClaimsOf(request.body),
  };
  return send(context, loginId, channel, addressOf(user, channel), 'signin', intent);
}

function signUpOrIn(request: EmulatorRequest, context: EmulatorContext) {
  const exists = context.store.findByLoginId(requiredString(request.body, 'loginId'));
  return exists ? signIn(request, context) : signUp(request, context);
}

function update(request: EmulatorRequest, context: EmulatorContext, field: 'email' | 'phone') {
  const channel = field === 'email' ? 'email' : channelOf(request, true);
  const loginId = requiredString(request.body, 'loginId');
  const value = requiredString(request.body, field);
  if (field === 'email' ? !isEmail(value) : !isPhone(value)) {
    throw EmulatorErrors.invalidRequest(`"${field}" is not valid`);
  }
  const owner = context.tokens.userOf(context.tokens.verifyRefresh(request.token));
  if (context.store.findByLoginId(loginId) !== owner) {
    throw EmulatorErrors.unauthorized('The refresh token does not belong to this login id');
  }
  const intent: OtpIntent = {
    kind: 'update',
    userId: owner.userId,
    field,
    value,
    addToLoginIds: optionalBoolean(request.body, 'addToLoginIDs') ?? false,
    onMergeUseExisting: optionalBoolean(request.body, 'onMergeUseExisting') ?? false,
  };
  const code = context.otpCodes.issue(loginId, channel, `update-${field}`, intent);
  context.outbox.deliver({ channel, loginId, to: value, kind: `update-${field}`, code });
  return masked(channel, value);
}

/** Applies a verified update; with addToLoginIDs the address becomes a login id (merging on request). */
function applyUpdate(
  context: EmulatorContext,
  intent: Extract<OtpIntent, { kind: 'update' }>,
): EmulatorUser {
  let user = context.store.findById(intent.userId);
  if (!user) throw EmulatorErrors.userNotFound();
  if (intent.addToLoginIds) {
    const holder = context.store.findByLoginId(intent.value);
    if (holder && holder !== user) {
      if (!intent.onMergeUseExisting) {
        throw EmulatorErrors.loginIdConflict();
      }
      context.tokens.revokeAll(user.userId);
      context.store.mergeInto(user, holder);
      user = holder;
    } else {
      context.store.addLoginId(user, intent.value);
    }
  }
  if (intent.field === 'email') Object.assign(user, { email: intent.value, verifiedEmail: true });
  else Object.assign(user, { phone: intent.value, verifiedPhone: true });
  return user;
}

function verify(request: EmulatorRequest, context: EmulatorContext) {
  const channel = channelOf(request);
  const loginId = requiredString(request.body, 'loginId');
  const outcome = context.otpCodes.verify(loginId, channel, requiredString(request.body, 'code'));
  if (outcome.status === 'locked') throw EmulatorErrors.tooManyAttempts();
  if (outcome.status !== 'ok') throw EmulatorErrors.wrongCode();
  const intent = outcome.intent;
  const verifiedFlag = channel === 'email' ? { verifiedEmail: true } : { verifiedPhone: true };
  if (intent.kind === 'update')
    return context.tokens.authenticate(applyUpdate(context, intent), { amr: [channel] });
  if (intent.kind === 'signup') {
    if (context.store.findByLoginId(intent.loginId)) throw EmulatorErrors.userExists();
    const user = context.store.createUser({
      ...intent.fields,
      ...verifiedFlag,
      loginIds: [intent.loginId],
    });
    return context.tokens.authenticate(user, { amr: [channel], customClaims: intent.customClaims });
  }
  const user = context.store.findById(intent.userId);
  if (!user) throw EmulatorErrors.userNotFound();
  Object.assign(user, verifiedFlag);
  const previous = intent.stepUpFrom;
  const amr = [...new Set([...(previous?.amr ?? []), channel])];
  return context.tokens.authenticate(user, {
    amr,
    dct: previous?.dct,
    customClaims: intent.customClaims ?? previous?.customClaims,
  });
}

/** `/v1/auth/otp/*`: sign-up, sign-in, sign-up-or-in, verify and update email/phone. */
export const otpRoutes: Route[] = [
  route('POST', '/v1/auth/otp/signup/:method', signUp),
  route('POST', '/v1/auth/otp/signin/:method', signIn),
  route('POST', '/v1/auth/otp/signup-in/:method', signUpOrIn),
  route('POST', '/v1/auth/otp/verify/:method', verify),
  route('POST', '/v1/auth/otp/update/email', (request, context) =>
    update(request, context, 'email'),
  ),
  route('POST', '/v1/auth/otp/update/phone/:method', (request, context) =>
    update(request, context, 'phone'),
  ),
];
