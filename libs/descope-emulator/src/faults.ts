import { randomBytes } from 'node:crypto';
import { EmulatorErrors } from './errors';
import { optionalString } from './request-fields';

/** The statuses a fault can answer: Descope's rate limit (with Retry-After), a 500, a 503. */
export const FAULT_STATUSES = [429, 500, 503] as const;
const MAX_LATENCY_MS = 60_000;

/**
 * A fault injected on matching requests, for resilience tests: wait `latencyMs`, then answer
 * `status` (429 with `Retry-After`, 500, 503), drop the connection, or carry on. `times`: how
 * many requests it hits before it is gone; unset, until cleared.
 */
export interface Fault {
  id: string;
  /** An HTTP method, or every method when unset. */
  method?: string;
  /** An exact path (`/v1/auth/password/signin`) or a prefix ending in `*` (`/v1/auth/otp/*`). */
  path: string;
  latencyMs?: number;
  status?: (typeof FAULT_STATUSES)[number];
  retryAfterSeconds?: number;
  drop?: boolean;
  times?: number;
  /** Requests it has hit so far. */
  hits: number;
}

const count = (body: Record<string, unknown>, field: string, max: number) => {
  const value = body[field];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    throw EmulatorErrors.invalidRequest(`"${field}" must be a whole number from 0 to ${max}`);
  }
  return value;
};

/** A fault from an admin request's JSON, or E011003 naming what is wrong. */
export function parseFault(body: Record<string, unknown>): Fault {
  const path = optionalString(body, 'path') ?? '';
  if (!path.startsWith('/')) throw EmulatorErrors.invalidRequest('"path" must start with /');
  const method = optionalString(body, 'method')?.toUpperCase() || undefined;
  const status = count(body, 'status', 599);
  if (status !== undefined && !(FAULT_STATUSES as readonly number[]).includes(status)) {
    throw EmulatorErrors.invalidRequest(`"status" must be one of ${FAULT_STATUSES.join(', ')}`);
  }
  const fault: Fault = {
    id: `F${randomBytes(6).toString('hex')}`,
    method,
    path,
    latencyMs: count(body, 'latencyMs', MAX_LATENCY_MS),
    status: status as Fault['status'],
    retryAfterSeconds: count(body, 'retryAfterSeconds', 3600),
    drop: body.drop === true || undefined,
    times: count(body, 'times', 1_000_000),
    hits: 0,
  };
  if (!fault.latencyMs && !fault.status && !fault.drop) {
    throw EmulatorErrors.invalidRequest('A fault needs "latencyMs", "status" or "drop": true');
  }
  if (fault.times === 0) throw EmulatorErrors.invalidRequest('"times" must be 1 or more');
  return fault;
}

/** The faults in force, first match wins. Admin routes and the UI are never hit. */
export class Faults {
  private faults: Fault[] = [];

  add(fault: Fault): Fault {
    this.faults.push(fault);
    return fault;
  }

  list(): Fault[] {
    return [...this.faults];
  }

  remove(id?: string): void {
    this.faults = id ? this.faults.filter((fault) => fault.id !== id) : [];
  }

  /** The fault for this request, counted as a hit (and gone once its `times` are used). */
  take(method: string, path: string): Fault | undefined {
    const fault = this.faults.find(
      (f) =>
        (!f.method || f.method === method) &&
        (f.path.endsWith('*') ? path.startsWith(f.path.slice(0, -1)) : f.path === path),
    );
    if (!fault) return undefined;
    fault.hits += 1;
    if (fault.times !== undefined && fault.hits >= fault.times) this.remove(fault.id);
    return fault;
  }
}
