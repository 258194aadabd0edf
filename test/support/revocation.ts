/**
 * Resolves once the wall clock is in a later second than when called. Tokens carry `iat` and
 * refresh expiries in whole seconds: a test that needs two sign-ins told apart (another refresh
 * token expiry, a session issued after a not-before) waits for the second to turn, not a fixed time.
 */
export async function nextSecond(): Promise<void> {
  const start = Math.floor(Date.now() / 1000);
  while (Math.floor(Date.now() / 1000) === start) {
    await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 1));
  }
}

/** How many refreshes the emulator at `baseUrl` has answered (its `/emulator/stats`). */
export async function upstreamRefreshes(baseUrl: string): Promise<number> {
  const stats = (await (await fetch(`${baseUrl}/emulator/stats`)).json()) as {
    requests: Record<string, number>;
  };
  return stats.requests['POST /v1/auth/refresh'] ?? 0;
}
