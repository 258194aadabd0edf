import { AuthTokenError } from './auth-token.error';
import { DRN, TokenClaims, TokenKind } from './verified-token';

const invalid = (detail: string) => new AuthTokenError('invalid', detail);

/** Descope's own API origins: the global one and the regional ones (`api.use1.descope.com`). */
const DESCOPE_ORIGIN = /^https:\/\/api(\.[a-z0-9-]+)?\.descope\.com$/;

/**
 * `iss` names the project: the bare project id, or `<origin>/<projectId>` where the origin is
 * the configured base URL's or one of Descope's API hosts (a JWT template's URL form).
 */
export function issuerMatches(iss: unknown, projectId: string, baseOrigin: string): boolean {
  if (iss === projectId) return true;
  if (typeof iss !== 'string' || !iss.endsWith(`/${projectId}`)) return false;
  const origin = iss.slice(0, -(projectId.length + 1));
  return origin === baseOrigin || DESCOPE_ORIGIN.test(origin);
}

/** The rules of the claims; `exp` last, so a token wrong in any other way is invalid, not expired. */
export function checkClaims(
  claims: Record<string, unknown>,
  kind: TokenKind,
  options: { projectId: string; baseOrigin: string; toleranceSeconds: number },
): TokenClaims {
  const now = Date.now() / 1000;
  const tolerance = options.toleranceSeconds;
  if (claims.drn !== DRN[kind]) throw invalid(`A ${kind} token is required here`);
  if (typeof claims.exp !== 'number') throw invalid('The token has no expiry');
  if (claims.iat !== undefined && typeof claims.iat !== 'number') {
    throw invalid('The token has a malformed issue time');
  }
  // An issue time in the future would pass any not-before (revocation): refused.
  if (typeof claims.iat === 'number' && claims.iat > now + tolerance) {
    throw invalid('The token was issued in the future');
  }
  if (
    claims.nbf !== undefined &&
    (typeof claims.nbf !== 'number' || claims.nbf > now + tolerance)
  ) {
    throw invalid('The token is not valid yet');
  }
  if (!issuerMatches(claims.iss, options.projectId, options.baseOrigin)) {
    throw invalid('The token was issued for another project');
  }
  if (typeof claims.sub !== 'string' || !claims.sub) throw invalid('The token names no user');
  if (claims.exp <= now - tolerance) {
    throw new AuthTokenError('expired', `The ${kind} token has expired`);
  }
  return claims as TokenClaims;
}
