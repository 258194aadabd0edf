import { AuditAction, AuditLog } from '../audit/audit-log';
import { routeEffect } from './route-effect';

/**
 * Writes the audit event when the answer is decided (onSend), so a client that hangs up before a
 * slow failure answer still leaves its attempt in the audit trail.
 */
const auditTrail = routeEffect<AuditAction, 'onSend'>('onSend', (resolve) => {
  const audit = resolve(AuditLog);
  return (action) => (request, reply, payload, done) => {
    audit.record(action, request, reply);
    done(null, payload);
  };
});

/**
 * Every answer of the route is an authentication outcome: one `event: "auth"` line and a count
 * in `auth_outcomes_total` (see AuditLog). Routes that are not audited (session validation, the
 * hot path) pay nothing.
 */
export const Audited = (action: AuditAction) => auditTrail.on(action);
