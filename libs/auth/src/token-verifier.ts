import { Inject, Injectable } from '@nestjs/common';
import { AUTH_DEFAULTS, AuthModuleOptions } from './auth-module-options';
import { AuthTokenError } from './auth-token.error';
import { AUTH_MODULE_OPTIONS } from './auth.module-definition';
import { JwksKeyStore } from './jwks-key-store';
import { isJwsAlgorithm, verifyJws } from './jws-algorithms';
import { familyOf } from './revocation';
import { RevocationSet } from './revocation-set';
import { checkClaims } from './token-claims';
import { TokenKind, VerifiedToken } from './verified-token';
import { VerifiedTokenMemo } from './verified-token-memo';

const SEGMENT = /^[A-Za-z0-9_-]+$/;
const MAX_KID_LENGTH = 256;

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * A base64url segment in its one canonical spelling: no padding, not a length that leaves a lone
 * character (4n + 1), and no bits set in the last character beyond the encoded bytes (4 spare
 * bits after 4n + 2 characters, 2 after 4n + 3). The same answer as decoding and re-encoding,
 * without either.
 */
export function canonical(segment: string): boolean {
  if (!SEGMENT.test(segment)) return false;
  const spare = [0, -1, 0b1111, 0b11][segment.length % 4];
  return spare === 0 || (spare > 0 && (BASE64URL.indexOf(segment.at(-1)!) & spare) === 0);
}

function decodeSegment(segment: string): Record<string, unknown> {
  const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error();
  return value as Record<string, unknown>;
}

/** How a token reached the verifier. */
export interface VerifyOptions {
  /**
   * Just received from Descope itself (not from a caller): a new `kid` skips the cooldown, and
   * revocation is not asked (it ends the sessions that exist when it is made)...
   */
  fromDescope?: boolean;
  /** ...unless it is an answer kept and handed out again (a coalesced refresh): then it is. */
  replayed?: boolean;
}

const invalid = (detail: string) => new AuthTokenError('invalid', detail);

/** The detail of a token refused by a revocation (logout, logout-all, password reset...). */
export const SESSION_ENDED = 'The session was ended (signed out or revoked); sign in again';

/**
 * Verifies Descope JWTs, stricter than the SDK (docs/descope-wire.md §7): an asymmetric algorithm
 * equal to the one its key declares (RS256 when the key declares none), `kid` required, no `crit`,
 * canonical base64url, `exp` required, `nbf` and `iat` honoured, 5 s tolerance, `drn` matching
 * the kind the route needs, `iss` the project id or a Descope or configured origin's URL for it.
 */
@Injectable()
export class TokenVerifier {
  private readonly claimRules: { projectId: string; baseOrigin: string; toleranceSeconds: number };

  private readonly isRevoked?: AuthModuleOptions['isRevoked'];

  constructor(
    private readonly keys: JwksKeyStore,
    private readonly memo: VerifiedTokenMemo,
    private readonly revocations: RevocationSet,
    @Inject(AUTH_MODULE_OPTIONS) options: AuthModuleOptions,
  ) {
    this.isRevoked = options.isRevoked;
    this.claimRules = {
      projectId: options.projectId,
      baseOrigin: new URL(options.baseUrl).origin,
      toleranceSeconds: options.clockToleranceSeconds ?? AUTH_DEFAULTS.clockToleranceSeconds,
    };
  }

  /**
   * The verified token, or an `AuthTokenError` saying why not. A token verified before as the same
   * kind comes from the memo; revocation is asked either way, except for tokens Descope has just
   * issued (`fromDescope`): a revocation ends the sessions that exist when it is made.
   */
  async verify(
    jwt: string | undefined,
    kind: TokenKind,
    options: VerifyOptions = {},
  ): Promise<VerifiedToken> {
    if (!jwt) throw new AuthTokenError('missing', `A ${kind} token is required`);
    const token = this.memo.get(jwt, kind) ?? (await this.verifyFully(jwt, kind, options));
    if (options.fromDescope && !options.replayed) return token;
    if (this.revocations.revokes(token) || (this.isRevoked && (await this.isRevoked(token)))) {
      throw invalid(SESSION_ENDED);
    }
    return token;
  }

  private async verifyFully(
    jwt: string,
    kind: TokenKind,
    options: VerifyOptions,
  ): Promise<VerifiedToken> {
    const parts = jwt.split('.');
    if (parts.length !== 3 || !parts.every(canonical)) {
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
    const kid = await this.checkSignature(parts, header, options);
    const checked = checkClaims(claims, kind, this.claimRules);
    const token = { jwt, kind, claims: checked, family: familyOf(checked, kind) };
    this.memo.set(token, kid);
    return token;
  }

  private async checkSignature(
    parts: string[],
    header: Record<string, unknown>,
    options: VerifyOptions,
  ): Promise<string> {
    const { alg, kid } = header;
    if (!isJwsAlgorithm(alg)) throw invalid('The token is not signed with an allowed algorithm');
    if (header.crit !== undefined) throw invalid('The token has critical header extensions');
    if (typeof kid !== 'string' || !kid || kid.length > MAX_KID_LENGTH) {
      throw invalid('The token has no valid key id');
    }
    const signingKey = await this.keys.getKey(kid, { trusted: options.fromDescope });
    if (!signingKey) throw invalid('The token was signed with an unknown key');
    if (signingKey.alg !== alg) throw invalid("The token's algorithm is not its key's");
    const signed = Buffer.from(`${parts[0]}.${parts[1]}`);
    if (!verifyJws(alg, signed, signingKey.key, Buffer.from(parts[2], 'base64url'))) {
      throw invalid('The token signature is not valid');
    }
    return kid;
  }
}
