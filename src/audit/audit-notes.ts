import type { IncomingMessage } from 'node:http';
import { ProblemCode } from '../problems/problem-codes';

/** What the request's handlers learn for its audit line, kept on the raw request. */
export interface AuditNotes {
  /** The user the attempt was about, once known (from the answer or the token). */
  userId?: string;
  /** The problem behind the answer, before a route that hides accounts replaced it. */
  cause?: ProblemCode;
}

type Noted = IncomingMessage & { audit?: AuditNotes };

export const auditNotesOf = (raw: IncomingMessage): AuditNotes => ((raw as Noted).audit ??= {});
