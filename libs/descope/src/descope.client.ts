import type { SdkResponse } from '@descope/node-sdk';
import DescopeSdk from '@descope/node-sdk';

/** The unmodified `@descope/node-sdk` client type. */
export type Sdk = ReturnType<typeof DescopeSdk>;

/** Data type of an SDK response. */
type DataOf<R> = R extends SdkResponse<infer T> ? T : never;

/**
 * What a call presents to Descope, when that decides what a refusal means: a 401 on a call whose
 * only credential is a refresh token refuses that token, whatever code comes with it (the codes
 * Descope sends for a refused refresh token are not published: docs/descope-wire.md §4).
 */
export interface CallContext {
  presents?: 'refresh-token';
}

/** The context of a call whose only credential is a refresh token. */
export const WITH_REFRESH_TOKEN: CallContext = Object.freeze({ presents: 'refresh-token' });

/**
 * The Descope SDK behind one seam. Inject this abstract class; services hand `call` the SDK
 * call itself, never its promise, because some SDK methods throw synchronously.
 *
 * @example
 * constructor(private readonly descope: DescopeClient) {}
 * signIn(dto) {
 *   return this.descope.call((sdk) => sdk.password.signIn(dto.loginId, dto.password));
 * }
 */
export abstract class DescopeClient {
  /** The project id every token's `iss` must name. */
  abstract readonly projectId: string;
  /** The API origin the SDK talks to (used for the JWKS too). */
  abstract readonly baseUrl: string;
  /** A management key is configured, so `sdk.management.*` calls can succeed. */
  readonly canManage: boolean = false;

  /**
   * Runs one SDK call within the timeout and answers its `data`; throws a `DescopeError` for
   * an error answer, an unreachable or slow Descope, or a refused argument. `context` says what
   * the call presents (see `CallContext`); it is carried on the `DescopeApiError`.
   */
  abstract call<R extends SdkResponse<Record<string, unknown>>>(
    operation: (sdk: Sdk) => Promise<R> | R,
    context?: CallContext,
  ): Promise<DataOf<R>>;
}
