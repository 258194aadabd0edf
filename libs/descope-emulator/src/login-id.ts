/**
 * The one spelling of a login id for every lookup and counter of the emulator (users, codes,
 * lock-outs, the outbox): Unicode NFC, trimmed, lower-cased, as Descope treats login ids.
 */
export const loginIdKey = (loginId: string) => loginId.normalize('NFC').trim().toLowerCase();
