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

  bind(sink: (refusal: FrameworkRefusal) => void): void {
    this.sink = sink;
  }

  report(refusal: FrameworkRefusal): void {
    this.sink?.(refusal);
  }
}
