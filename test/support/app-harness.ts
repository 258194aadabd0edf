import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EmulatorOptions, RunningEmulator, startEmulator } from '@app/descope-emulator';
import DescopeClient from '@descope/node-sdk';
import { dirname, join } from 'node:path';
import type { DestinationStream } from 'pino';
import { createApp } from '../../src/bootstrap';
import { ManagementServer } from '../../src/management/management-server';
import { Sdk } from './emulator-harness';

export interface ApiResponse {
  status: number;
  body: Record<string, any>;
  headers: Headers;
  /** Set-Cookie values by cookie name (the raw header line). */
  cookies: Record<string, string>;
}

export interface ApiRequest {
  body?: unknown;
  /** Sent as `Authorization: Bearer <token>`. */
  bearer?: string;
  /** Sent as a Cookie header. */
  cookies?: Record<string, string>;
  /** `content-type: ''` sends the body with no content type at all. */
  headers?: Record<string, string>;
}

/** What every test app (and test process) runs with unless the test says otherwise. */
export const TEST_DEFAULTS = {
  COOKIE_SECURE: 'false',
  // Off unless a test turns them on: every test talks from 127.0.0.1, many times a minute.
  RATE_LIMIT_IP_PER_MINUTE: '0',
  // So are the guessing and send budgets: test/budgets*.e2e-spec.ts turn them on.
  AUTH_FAILURES_PER_CLIENT: 'off',
  AUTH_FAILURES_PER_ACCOUNT: 'off',
  AUTH_FAILURES_PER_DEVICE: 'off',
  AUTH_FAILURES_TRUSTED_PER_ACCOUNT: 'off',
  SENDS_PER_DESTINATION: 'off',
  SENDS_PER_LOGIN_ID: 'off',
  SENDS_PER_DEVICE: 'off',
  // The failure floor too: test/security/enumeration.e2e-spec.ts measures it at its default.
  AUTH_FAILURE_MIN_MS: '0',
  // Each app's management port on a free one (/metrics and detailed /health live there).
  MANAGEMENT_PORT: '0',
  // The embedded emulator on a free port too, not the 4500 `npm start` prefers.
  EMULATOR_PORT: '0',
};

/** The service (AppModule, as main.ts builds it) on an ephemeral port, against its own emulator. */
export interface AppHarness {
  app: NestFastifyApplication;
  url: string;
  /** The management port: `/metrics`, and `/health/ready` with its details. */
  managementUrl: string;
  emulator: RunningEmulator;
  /** The real SDK with a management key, for setting up users, roles and tenants. */
  management: Sdk;
  api(method: string, path: string, request?: ApiRequest): Promise<ApiResponse>;
  outbox(
    loginId: string,
  ): Promise<{ kind: string; to?: string; link?: string; token?: string; code?: string }[]>;
  close(): Promise<void>;
}

/**
 * nestjs-pino keeps one pino-http instance per process, built by the first app with that app's
 * level and destination; tests build many apps, so each starts from a clean slate. The reset is
 * nestjs-pino's own, for tests, which its package exports do not expose.
 */
function resetPinoRoot(): void {
  const file = join(dirname(require.resolve('nestjs-pino')), 'PinoLogger.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- jest's registry, the app's copy
  (require(file) as { __resetOutOfContextForTests(): void }).__resetOutOfContextForTests();
}

/**
 * Starts the app against a new emulator (started with `emulatorOptions`), or against a running
 * one (shared by several instances; the caller closes it).
 */
export async function startApp(
  env: Record<string, string> = {},
  emulatorOptions: EmulatorOptions | RunningEmulator = {},
  logDestination?: DestinationStream,
): Promise<AppHarness> {
  const shared = 'baseUrl' in emulatorOptions;
  // `npm test` runs some suites again with EMULATOR_SIGNING_ALG=ES384, as projects may sign.
  const signingAlg = process.env.EMULATOR_SIGNING_ALG as EmulatorOptions['signingAlg'];
  const emulator = shared
    ? emulatorOptions
    : await startEmulator({ signingAlg, ...emulatorOptions });
  resetPinoRoot();
  const { app } = await createApp(
    {
      DESCOPE_PROJECT_ID: emulator.projectId,
      DESCOPE_BASE_URL: emulator.baseUrl,
      ...TEST_DEFAULTS,
      // Quiet unless a test captures the lines (see LogCapture).
      LOG_LEVEL: logDestination ? 'info' : 'silent',
      ...env,
    },
    { logDestination },
  );
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  const managementUrl = await app.get(ManagementServer).listen();
  const api = async (
    method: string,
    path: string,
    request: ApiRequest = {},
  ): Promise<ApiResponse> => {
    const headers: Record<string, string> = { ...request.headers };
    const noContentType = headers['content-type'] === '';
    if (noContentType) delete headers['content-type'];
    else if (request.body !== undefined && !headers['content-type'])
      headers['content-type'] = 'application/json';
    if (request.bearer) headers.authorization = `Bearer ${request.bearer}`;
    if (request.cookies) {
      headers.cookie = Object.entries(request.cookies)
        .map(([k, v]) => `${k}=${v}`)
        .join('; ');
    }
    const raw = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
    // fetch labels a string body text/plain; bytes go out with no content type.
    const body = noContentType ? Buffer.from(raw) : raw;
    const response = await fetch(`${url}${path}`, {
      method,
      headers,
      body: request.body === undefined ? undefined : body,
    });
    const text = await response.text();
    const cookies = Object.fromEntries(
      response.headers.getSetCookie().map((line) => [line.split('=')[0], line]),
    );
    return {
      status: response.status,
      body: text ? (JSON.parse(text) as Record<string, any>) : {},
      headers: response.headers,
      cookies,
    };
  };
  return {
    app,
    url,
    managementUrl,
    emulator,
    management: DescopeClient({
      projectId: emulator.projectId,
      baseUrl: emulator.baseUrl,
      managementKey: 'k',
    }),
    api,
    outbox: async (loginId) => {
      const response = await fetch(
        `${emulator.baseUrl}/emulator/outbox?loginId=${encodeURIComponent(loginId)}`,
      );
      // What was sent: a suppressed send (the emulator's note of why nothing went) is left out.
      const { messages } = (await response.json()) as {
        messages: { kind: string; link?: string; token?: string; suppressed?: string }[];
      };
      return messages.filter((message) => !message.suppressed);
    },
    close: async () => {
      await app.close();
      if (!shared) await emulator.close();
    },
  };
}

/** The value of a cookie from its Set-Cookie line. */
export const cookieValue = (line: string | undefined) =>
  line?.split(';')[0].split('=').slice(1).join('=');
