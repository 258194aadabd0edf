import {
  DescopeArgumentError,
  DescopeError,
  DescopeUnavailableError,
  DescopeUnexpectedError,
} from './descope.errors';

const ARGUMENT_FAILURE =
  /(must not be empty|must be a string|must be string or undefined|is not a valid|Input is not a string|is required)/;

/**
 * Turns whatever an SDK call threw into a typed error. The SDK's own errors are plain `Error`s
 * whose message is the only signal (docs/descope-wire.md §3); the original text is not kept
 * on the result, because it can quote what the caller sent.
 */
export function classifyThrown(thrown: unknown): DescopeError {
  if (thrown instanceof DescopeError) return thrown;
  const message = messageOf(thrown);
  if ((thrown as Error | undefined)?.name === 'SyntaxError' || /JSON/.test(message)) {
    return new DescopeUnavailableError('the answer was not JSON');
  }
  if (ARGUMENT_FAILURE.test(message)) {
    return new DescopeArgumentError('Descope refused an argument');
  }
  if (isNetworkFailure(thrown)) return new DescopeUnavailableError('the request failed');
  return new DescopeUnexpectedError(thrown);
}

/*
 * Errors are read by shape, not `instanceof`: fetch's errors come from Node's own realm, which is
 * not the caller's under a VM-based test runner.
 */
const messageOf = (thrown: unknown) =>
  typeof (thrown as Error | undefined)?.message === 'string'
    ? (thrown as Error).message
    : String(thrown);

/** fetch's own failures: `TypeError: fetch failed` (undici), with the socket error as its cause. */
function isNetworkFailure(thrown: unknown): boolean {
  const cause = (thrown as { cause?: { code?: unknown } } | undefined)?.cause;
  return messageOf(thrown) === 'fetch failed' || typeof cause?.code === 'string';
}
