/** The two kinds of Descope token, by their `drn` claim. */
export type TokenKind = 'session' | 'refresh';

export const DRN: Record<TokenKind, string> = { session: 'DS', refresh: 'DSR' };

/** Claims of a verified token; only the ones checked are typed. */
export interface TokenClaims {
  sub: string;
  iss: string;
  exp: number;
  iat?: number;
  drn: string;
  amr?: string[];
  roles?: string[];
  permissions?: string[];
  tenants?: Record<string, { roles?: string[]; permissions?: string[] }>;
  dct?: string;
  [claim: string]: unknown;
}

/** A token whose signature, kind, issuer and expiry have been checked. */
export interface VerifiedToken {
  jwt: string;
  kind: TokenKind;
  claims: TokenClaims;
  /**
   * The `exp` of the refresh token a session descends from (its `rexp`), read once when
   * verified; undefined for refresh tokens and for sessions without `rexp`.
   */
  family?: number;
}
