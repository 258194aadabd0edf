import { WithRouteConfig } from '../http/route-config';

/** What an audited route does: `password.signin`, `otp.verify`, `session.refresh`, ... */
export type AuditAction = `${'password' | 'otp' | 'totp' | 'session'}.${string}`;

/** The Fastify route config key the audit hook reads. */
export const AUDIT_CONFIG_KEY = 'auditAction';

/**
 * Every answer of the route is an authentication outcome: the audit hook logs one `event: "auth"`
 * line for it and counts it (see AuditHook). Carried in Fastify's route config, so routes that
 * are not audited (session validation, the hot path) pay nothing.
 */
export const Audited = (action: AuditAction) => WithRouteConfig({ [AUDIT_CONFIG_KEY]: action });
