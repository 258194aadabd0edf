import { loginIdKey } from './login-id';
import { EmulatorUser, TotpState } from './store-records';

/** A TOTP sign-up waiting for its first code: the user it will create and the app's secret. */
export interface PendingTotpSignUp {
  loginId: string;
  fields: Partial<EmulatorUser>;
  totp: TotpState;
  expiresAt: number;
}

/**
 * TOTP sign-ups not yet verified. Descope's TOTP sign-up docs: "The new end user will be
 * registered after the full TOTP sign-up flow has successfully completed", i.e. after the first
 * verify. One per login id (a new sign-up replaces it); each lives as long as a one-time code.
 */
export class PendingTotpSignUps {
  private readonly pending = new Map<string, PendingTotpSignUp>();

  constructor(private readonly ttlSeconds: number) {}

  put(entry: Omit<PendingTotpSignUp, 'expiresAt'>): void {
    this.sweep();
    const expiresAt = Date.now() + this.ttlSeconds * 1000;
    this.pending.set(loginIdKey(entry.loginId), { ...entry, expiresAt });
  }

  find(loginId: string): PendingTotpSignUp | undefined {
    const entry = this.pending.get(loginIdKey(loginId));
    return entry && entry.expiresAt > Date.now() ? entry : undefined;
  }

  delete(loginId: string): void {
    this.pending.delete(loginIdKey(loginId));
  }

  private sweep(): void {
    const now = Date.now();
    for (const [key, entry] of this.pending) if (entry.expiresAt <= now) this.pending.delete(key);
  }
}
