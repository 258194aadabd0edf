import type { SdkResponse } from '@descope/node-sdk';
import DescopeSdk from '@descope/node-sdk';

/** The unmodified `@descope/node-sdk` client type. */
export type Sdk = ReturnType<typeof DescopeSdk>;

/** Data type of an SDK response. */
type DataOf<R> = R extends SdkResponse<infer T> ? T : never;

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

  /**
   * Runs one SDK call within the timeout and answers its `data`; throws a `DescopeError` for
   * an error answer, an unreachable or slow Descope, or a refused argument.
   */
  abstract call<R extends SdkResponse<Record<string, unknown>>>(
    operation: (sdk: Sdk) => Promise<R> | R,
  ): Promise<DataOf<R>>;
}
