import { loginIdKey } from './login-id';
import { OtpChannel } from './otp-channels';

/** What the emulator would have sent to a user, kept so tests and local users can read it. */
export interface OutboxMessage {
  channel: OtpChannel;
  loginId: string;
  /** The address it went to (for an update, the new address). */
  to: string;
  kind: 'signup' | 'signin' | 'update-email' | 'update-phone' | 'password-reset';
  code?: string;
  link?: string;
  token?: string;
  /**
   * Set when nothing was sent, and why (an unknown login id, no verified email): the emulator's
   * own note for a developer, where real Descope sends nothing and the service answers the same.
   */
  suppressed?: string;
  sentAt: string;
}

/** In-memory outbox, newest first, bounded so a long-running emulator does not grow forever. */
export class Outbox {
  private messages: OutboxMessage[] = [];

  constructor(private readonly capacity = 1000) {}

  deliver(message: Omit<OutboxMessage, 'sentAt'>): void {
    this.messages.unshift({ ...message, sentAt: new Date().toISOString() });
    this.messages.length = Math.min(this.messages.length, this.capacity);
  }

  /** Records a send that did not happen, with why. */
  suppress(message: Omit<OutboxMessage, 'sentAt' | 'suppressed'>, why: string): void {
    this.deliver({ ...message, suppressed: why });
  }

  /** Messages for one login id (in any spelling), or all of them. */
  list(loginId?: string): OutboxMessage[] {
    if (!loginId) return [...this.messages];
    const wanted = loginIdKey(loginId);
    return this.messages.filter((message) => loginIdKey(message.loginId) === wanted);
  }

  clear(): void {
    this.messages = [];
  }
}
