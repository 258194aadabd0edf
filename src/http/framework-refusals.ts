import type { Socket } from 'node:net';

/** One request the framework refused before any route saw it: what its log line says. */
export interface FrameworkRefusal {
  requestId: string;
  /** The request line's method, when it was read. */
  method?: string;
  /** What was answered; 499 when the client dropped the connection first. */
  status: number;
  /** Why, in a word: `request_timeout`, `headers_too_large`, `bad_url`, `connection_reset`, … */
  reason: string;
  /** The peer's address (no proxy header is read before routing). */
  ip?: string;
}

/**
 * Where the framework's own refusals go: the adapter's error handlers exist before the app (and
 * its logger and metrics) do, so they report here, and `configureApp` binds the sink (a JSON
 * line, and `http_requests_total{route="unmatched"}`). Before that, refusals are only answered.
 */
export class FrameworkRefusals {
  private sink?: (refusal: FrameworkRefusal) => void;
  /** Bytes a connection had read when its last answer went out (keep-alive). */
  private readonly answeredAt = new WeakMap<Socket, number>();

  /** A request on `socket` was answered: what it read so far belonged to answered requests. */
  answered(socket: Socket): void {
    this.answeredAt.set(socket, socket.bytesRead);
  }

  /**
   * The connection carries a request not yet answered: bytes arrived since its last answer. A
   * bare connect-and-reset, or a reset between keep-alive requests, is not a request at all.
   */
  midRequest(socket: Socket): boolean {
    return socket.bytesRead > (this.answeredAt.get(socket) ?? 0);
  }

  bind(sink: (refusal: FrameworkRefusal) => void): void {
    this.sink = sink;
  }

  report(refusal: FrameworkRefusal): void {
    this.sink?.(refusal);
  }
}
