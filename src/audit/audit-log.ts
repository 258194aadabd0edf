import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHmac, createSecretKey, KeyObject, randomBytes } from 'node:crypto';
import { PinoLogger } from 'nestjs-pino';
import type { Logger as Pino } from 'pino';
import { accountKey } from '../budgets/budget-keys';
import { isOtpChannel } from '../common/otp-channels';
import { EnvironmentVariables } from '../config/env.validation';
import { contextOf } from '../http/request-context';
import { MetricsService } from '../metrics/metrics.service';
import { resultOf } from './audit-result';

/** What an audited route does: `password.signin`, `otp.verify`, `session.refresh`, ... */
export type AuditAction = `${'password' | 'otp' | 'totp' | 'session'}.${string}`;

/** Why sessions were ended (see SessionRevocations). */
export type RevocationReason =
  'logout' | 'logout_all' | 'password_change' | 'revoke_other_sessions' | 'refresh_reuse';

/**
 * One structured line per authentication outcome (`event: "auth"`), so a security team can follow
 * sign-ins without reading request logs: action, method, result, user id when known, the login id
 * only as a keyed hash (HMAC-SHA256 keyed from DEVICE_TOKEN_SECRET, so instances agree and the
 * hash cannot be reversed by trying addresses), client IP. Counted by action and
 * result in `auth_outcomes_total`. The request id comes from the log context, as on every line.
 */

@Injectable()
export class AuditLog {
  private readonly logger = new Logger('Audit');
  /** A KeyObject: HMAC with a Buffer key costs about 9 µs, with a KeyObject 2 (bench:micro). */
  private readonly key: KeyObject;
  private lines?: Pino;

  constructor(
    private readonly metrics: MetricsService,
    config: ConfigService<EnvironmentVariables, true>,
  ) {
    const secret = config.get('DEVICE_TOKEN_SECRET', { infer: true });
    const key = secret ? createHmac('sha256', secret).update('audit').digest() : randomBytes(32);
    this.key = createSecretKey(key);
  }

  /** Records the answer of an audited route (see `@Audited`) as `action`. */
  record(action: AuditAction, request: FastifyRequest, reply: FastifyReply): void {
    const context = contextOf(request);
    const result = resultOf(reply.statusCode, context.failure?.problem.code);
    // What the caller was told, not why: a hidden failure counts as `refused`, whatever its cause.
    this.metrics.authOutcomes.inc({ action, result: context.accountHidden ? 'refused' : result });
    const loginId = (request.body as { loginId?: unknown } | undefined)?.loginId;
    // Passport's principal, on routes that take a token.
    const principal = (request as { user?: { userId?: string } }).user;
    const userId = context.userId ?? principal?.userId;
    const param = (request.params as { method?: string } | undefined)?.method;
    const channel = param && isOtpChannel(param) ? param : param && 'unknown';
    this.write({
      event: 'auth',
      action,
      method: channel ? `${action.split('.')[0]}.${channel}` : action.split('.')[0],
      result,
      status: reply.statusCode,
      ...(userId ? { userId } : {}),
      ...(typeof loginId === 'string' ? { loginIdHash: this.hash(loginId) } : {}),
      ip: request.ip,
    });
  }

  /**
   * Records a revocation (`event: "revocation"`): why, whose, and how many instances heard it at
   * once (absent while it waits for Redis, or without Redis). Counted in `auth_revocations_total`.
   */
  revocation(reason: RevocationReason, userId: string, instancesReached?: number): void {
    this.metrics.revocations.inc({ reason });
    this.write({
      event: 'revocation',
      reason,
      userId,
      ...(instancesReached === undefined ? {} : { instancesReached }),
    });
  }

  /**
   * Records what Descope refused behind an answer that hides it (`event: "refusal"`): a password
   * reset for an unknown login id or one with no verified email answers 202 all the same. The
   * reason (Descope's code) is here only, with the keyed hash of the login id. No metric counts
   * it: a count of refusals would tell an account with a verified email from an unknown one.
   */
  refusal(action: AuditAction, reason: string, loginId: string): void {
    this.write({ event: 'refusal', action, reason, loginIdHash: this.hash(loginId) });
  }

  /**
   * Audit lines hold only the fields above, never a secret, so they skip pino's path redaction
   * (a few per cent of a sign-in's CPU; the cheap any-depth walk, redactDeep, still runs); the
   * Nest logger serves when no pino root exists (unit tests).
   */
  private write(line: Record<string, unknown>): void {
    const root = PinoLogger.root as Pino | undefined;
    if (!root) return this.logger.log(line);
    (this.lines ??= root.child({ context: 'Audit' }, { redact: { paths: [] } })).info(line);
  }

  private hash(loginId: string): string {
    return createHmac('sha256', this.key).update(accountKey(loginId)).digest('base64url');
  }
}
