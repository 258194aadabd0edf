import { randomInt } from 'node:crypto';
import { loginIdKey } from './login-id';
import { OtpChannel } from './otp-channels';

export type OtpPurpose = 'signup' | 'signin' | 'update-email' | 'update-phone';

/** A code waiting to be verified, with what verifying it will do. */
export interface PendingCode<T = unknown> {
  code: string;
  expiresAt: number;
  wrongAttempts: number;
  /** What the code is for: sign-up fields, a step-up, the new address of an update. */
  intent: T;
}

/** What `verify` found for a login id and channel. */
export type VerifyOutcome<T> =
  { status: 'ok'; purpose: OtpPurpose; intent: T } | { status: 'wrong' | 'locked' | 'none' };

const key = (loginId: string, channel: OtpChannel, purpose: OtpPurpose) =>
  `${loginIdKey(loginId)}|${channel}|${purpose}`;

/**
 * One live code per login id, channel and purpose: a new send replaces the old code. Codes are
 * six digits from a CSPRNG, expire, are single use, and die after a bounded number of wrong tries.
 */
export class OtpCodes<T = unknown> {
  private readonly pending = new Map<string, PendingCode<T>>();

  constructor(
    private readonly ttlSeconds: number,
    private readonly maxWrongAttempts: number,
  ) {}

  issue(loginId: string, channel: OtpChannel, purpose: OtpPurpose, intent: T): string {
    const code = randomInt(0, 1_000_000).toString().padStart(6, '0');
    const expiresAt = Date.now() + this.ttlSeconds * 1000;
    this.pending.set(key(loginId, channel, purpose), { code, expiresAt, wrongAttempts: 0, intent });
    return code;
  }

  /** Checks a code against every purpose pending for the login id on that channel. */
  verify(loginId: string, channel: OtpChannel, code: string): VerifyOutcome<T> {
    const purposes: OtpPurpose[] = ['signup', 'signin', 'update-email', 'update-phone'];
    const live = purposes
      .map((purpose) => ({ purpose, id: key(loginId, channel, purpose) }))
      .map((entry) => ({ ...entry, pending: this.pending.get(entry.id) }))
      .filter((entry) => entry.pending && entry.pending.expiresAt > Date.now());
    if (!live.length) return { status: 'none' };
    const match = live.find((entry) => entry.pending!.code === code);
    if (match) {
      this.pending.delete(match.id);
      return { status: 'ok', purpose: match.purpose, intent: match.pending!.intent };
    }
    let locked = false;
    for (const entry of live) {
      entry.pending!.wrongAttempts += 1;
      if (entry.pending!.wrongAttempts >= this.maxWrongAttempts) {
        this.pending.delete(entry.id);
        locked = true;
      }
    }
    return { status: locked ? 'locked' : 'wrong' };
  }

  /** For tests: the pending code of a login id, channel and purpose. */
  peek(loginId: string, channel: OtpChannel, purpose: OtpPurpose): PendingCode<T> | undefined {
    return this.pending.get(key(loginId, channel, purpose));
  }
}
