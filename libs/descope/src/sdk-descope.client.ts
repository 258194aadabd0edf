import type { SdkResponse } from '@descope/node-sdk';
import DescopeSdk from '@descope/node-sdk';
import { OnApplicationShutdown } from '@nestjs/common';
import { Dispatcher } from 'undici';
import { boundedFetch } from './bounded-fetch';
import { observedFetch } from './observed-fetch';
import { pooledFetch, upstreamAgent } from './pooled-fetch';
import { classifyThrown } from './classify-error';
import { DescopeModuleOptions } from './descope-module-options';
import { CallContext, DescopeClient, Sdk } from './descope.client';
import { DescopeApiError, DescopeTimeoutError, DescopeUnavailableError } from './descope.errors';

/** Descope's default API origin for a project id (docs/descope-wire.md §1). */
export function defaultBaseUrl(projectId: string): string {
  const region = projectId.slice(1, -27);
  return `https://api.${region ? `${region}.` : ''}descope.com`;
}

/** The `DescopeClient` backed by the real SDK. No logger is given to the SDK: it prints bodies. */
export class SdkDescopeClient extends DescopeClient implements OnApplicationShutdown {
  readonly projectId: string;
  readonly baseUrl: string;
  override readonly canManage: boolean;
  private readonly sdk: Sdk;
  /** Keep-alive connections to Descope, closed once the HTTP server has closed. */
  private readonly agent: Dispatcher = upstreamAgent();

  constructor(private readonly options: DescopeModuleOptions) {
    super();
    this.projectId = options.projectId;
    this.baseUrl = (options.baseUrl ?? defaultBaseUrl(options.projectId)).replace(/\/+$/, '');
    this.canManage = Boolean(options.managementKey);
    const upstream = pooledFetch(this.agent);
    this.sdk = DescopeSdk({
      projectId: options.projectId,
      baseUrl: this.baseUrl,
      managementKey: options.managementKey,
      fetch: boundedFetch(
        options.timeoutMs,
        options.onUpstreamCall ? observedFetch(options.onUpstreamCall, upstream) : upstream,
      ),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.agent.close();
  }

  async call<R extends SdkResponse<Record<string, unknown>>>(
    operation: (sdk: Sdk) => Promise<R> | R,
    context: CallContext = {},
  ) {
    const response = await this.run(operation);
    if (response.ok) return (response.data ?? {}) as R extends SdkResponse<infer T> ? T : never;
    const status = response.code ?? 0;
    const error = response.error;
    if (status >= 500 || !error?.errorCode) {
      throw new DescopeUnavailableError(`Descope answered HTTP ${status}`);
    }
    const retryAfter = Number(error.retryAfter) || undefined;
    const { errorCode, errorDescription = '' } = error;
    throw new DescopeApiError(errorCode, errorDescription, status, retryAfter, context.presents);
  }

  /** Runs the call within the timeout; whatever it throws becomes a typed `DescopeError`. */
  private async run<T>(operation: (sdk: Sdk) => Promise<T> | T): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new DescopeTimeoutError(this.options.timeoutMs)),
        this.options.timeoutMs,
      );
    });
    try {
      return await Promise.race([Promise.resolve().then(() => operation(this.sdk)), timeout]);
    } catch (thrown) {
      if (isAbort(thrown)) throw new DescopeTimeoutError(this.options.timeoutMs);
      throw classifyThrown(thrown);
    } finally {
      clearTimeout(timer);
    }
  }
}

const isAbort = (thrown: unknown) =>
  ['TimeoutError', 'AbortError'].includes((thrown as Error | undefined)?.name ?? '');
