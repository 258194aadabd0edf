import { EmulatorContext, OtpIntent } from '../context';
import { EmulatorErrors } from '../errors';
import { isEmail, isPhone } from '../mask';
import { optionalBoolean, requiredString } from '../request-fields';
import { EmulatorRequest, route, Route } from '../route';
import { EmulatorUser } from '../store-records';
import { channelOf, sendCode } from './otp-delivery';

type UpdateIntent = Extract<OtpIntent, { kind: 'update' }>;

/** Sends a code to the new address; the change applies once it is verified. */
function update(request: EmulatorRequest, context: EmulatorContext, field: 'email' | 'phone') {
  const channel = field === 'email' ? 'email' : channelOf(request, true);
  const loginId = requiredString(request.body, 'loginId');
  const value = requiredString(request.body, field);
  if (field === 'email' ? !isEmail(value) : !isPhone(value)) {
    throw EmulatorErrors.invalidRequest(`"${field}" is not valid`);
  }
  const owner = context.refreshTokens.ownerOf(request.token, loginId);
  const intent: UpdateIntent = {
    kind: 'update',
    userId: owner.userId,
    field,
    value,
    addToLoginIds: optionalBoolean(request.body, 'addToLoginIDs') ?? false,
    onMergeUseExisting: optionalBoolean(request.body, 'onMergeUseExisting') ?? false,
  };
  const purpose = field === 'email' ? 'update-email' : 'update-phone';
  return sendCode(context, { loginId, channel, to: value, purpose }, intent);
}

/**
 * Applies a verified update. With addToLoginIDs the address becomes a login id; when it is another
 * user's, Descope merges the two (its SDKs' `onMergeUseExisting` docs): by default the other user
 * is merged into the updated one and deleted; with onMergeUseExisting the updated user is merged
 * into the other and deleted (its refresh tokens die, the session is the other user's).
 * `failOnConflict` is ignored here, as Descope's SDKs suggest: it exists only on the management
 * updates (node-sdk lib/management/user.ts `updateEmail`), never in core-js `UpdateOptions`.
 */
export function applyUpdate(context: EmulatorContext, intent: UpdateIntent): EmulatorUser {
  let user = context.store.findById(intent.userId);
  if (!user) throw EmulatorErrors.userNotFound();
  if (intent.addToLoginIds) {
    const holder = context.store.findByLoginId(intent.value);
    if (holder && holder !== user) {
      const [kept, gone] = intent.onMergeUseExisting ? [holder, user] : [user, holder];
      context.refreshTokens.revokeAll(gone.userId);
      context.store.mergeInto(gone, kept);
      user = kept;
    } else {
      context.store.addLoginId(user, intent.value);
    }
  }
  if (intent.field === 'email') Object.assign(user, { email: intent.value, verifiedEmail: true });
  else Object.assign(user, { phone: intent.value, verifiedPhone: true });
  return user;
}

/** `/v1/auth/otp/update/*`: change the email or phone, verified by a code to the new address. */
export const otpUpdateRoutes: Route[] = [
  route('POST', '/v1/auth/otp/update/email', (request, context) =>
    update(request, context, 'email'),
  ),
  route('POST', '/v1/auth/otp/update/phone/:method', (request, context) =>
    update(request, context, 'phone'),
  ),
];
