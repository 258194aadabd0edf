import { Inject, Injectable } from '@nestjs/common';
import { verify } from 'node:crypto';
import { AUTH_DEFAULTS, AuthModuleOptions } from './auth-module-options';
import { AuthTokenError } from './auth-token.error';
import { AUTH_MODULE_OPTIONS } from './auth.module-definition';
import { JwksKeyStore } from './jwks-key-store';
import { DRN, TokenClaims, TokenKind, VerifiedToken } from './verified-token';

const SEGMENT = /^[A-Za-z0-9_-]+$/;

function decodeSegment(segment: string): Record<string, unknown> {
  const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error();
  return value as Record<string, unknown>;
}

/** How a token reached the verifier. */
export interface VerifyOptions {
  /** Just received from Descope itself (not from a caller): a new `kid` skips the cooldown. */
  fromDescope?: boolean;
}

const invalid = (detail: string) => new AuthTokenError('invalid', detail);

/**
 * Verifies Descope JWTs, stricter than the SDK (docs/descope-wire.md §7): RS256 only, `kid`
 * required, `exp` required, `nbf` honoured, 5 s tolerance, `drn` must match the kind the route
 * needs, `iss` must be the project id or a URL whose last path segment is the project id.
 */
@Injectable()
export class TokenVerifier {
  private readonly tolerance: number;

  constructor(
    private readonly keys: JwksKeyStore,
    @Inject(AUTH_MODULE_OPTIONS) private readonly options: AuthModuleOptions,
  ) {
    this.tolerance = options.clockToleranceSeconds ?? AUTH_DEFAULTS.clockToleranceSeconds;
  }

  /** The verified token, or an `AuthTokenError` saying why not. */
  async verify(
    jwt: string | undefined,
    kind: TokenKind,
    options: VerifyOptions = {},
  ): Promise<VerifiedToken> {
    if (!jwt) throw new AuthTokenError('missing', `A ${kind} token is required`);
    const parts = jwt.split('.');
    if (parts.length !== 3 || !parts.every((part) => SEGMENT.test(part))) {
      throw invalid('The token is not a well-formed JWT');
    }
    let header: Record<string, unknown>;
    let claims: Record<string, unknown>;
    try {
      header = decodeSegment(parts[0]);
      claims = decodeSegment(parts[1]);
    } catch {
      throw invalid('The token is not a well-formed JWT');
    }
    await this.checkSignature(parts, header, options);
    return { jwt, kind, claims: this.checkClaims(claims, kind) };
  }

  private async checkSignature(
    parts: string[],
    header: Record<string, unknown>,
    options: VerifyOptions,
  ): Promise<void> {
    if (header.alg !== 'RS256') throw invalid('The token must be signed with RS256');
    if (typeof header.kid !== 'string' || !header.kid) throw invalid('The token has no key id');
    const key = await this.keys.getKey(header.kid, { trusted: options.fromDescope });
    if (!key) throw invalid('The token was signed with an unknown key');
    const signed = Buffer.from(`${parts[0]}.${parts[1]}`);
    if (!verify('sha256', signed, key, Buffer.from(parts[2], 'base64url'))) {
      throw invalid('The token signature is not valid');
    }
  }

  private checkClaims(claims: Record<string, unknown>, kind: TokenKind): TokenClaims {
    const now = Date.now() / 1000;
    if (claims.drn !== DRN[kind]) throw invalid(`A ${kind} token is required here`);
    if (typeof claims.exp !== 'number') throw invalid('The token has no expiry');
    if (
      claims.nbf !== undefined &&
      (typeof claims.nbf !== 'number' || claims.nbf > now + this.tolerance)
    ) {
      throw invalid('The token is not valid yet');
    }
    if (!this.issuerMatches(claims.iss)) throw invalid('The token was issued for another project');
    if (typeof claims.sub !== 'string' || !claims.sub) throw invalid('The token names no user');
    if (claims.exp <= now - this.tolerance) {
      throw new AuthTokenError('expired', `The ${kind} token has expired`);
    }
    return claims as TokenClaims;
  }

  private issuerMatches(iss: unknown): boolean {
    if (typeof iss !== 'string') return false;
    if (iss === this.options.projectId) return true;
    try {
      const segments = new URL(iss).pathname.split('/').filter(Boolean);
      return segments.at(-1) === this.options.projectId;
    } catch {
      return false;
    }
  }
}
