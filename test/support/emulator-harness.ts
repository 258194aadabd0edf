import DescopeClient from '@descope/node-sdk';
import {
  EmulatorOptions,
  OutboxMessage,
  RunningEmulator,
  startEmulator,
} from '@app/descope-emulator';

export type Sdk = ReturnType<typeof DescopeClient>;

/** An emulator on an ephemeral port with the real SDK pointed at it. */
export interface EmulatorHarness {
  emulator: RunningEmulator;
  sdk: Sdk;
  /** The same SDK with a management key, for setting up users, roles and tenants. */
  management: Sdk;
  /** GET/POST/DELETE on the emulator, raw: for answers the SDK would hide. */
  raw(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
  outbox(loginId: string): Promise<OutboxMessage[]>;
  close(): Promise<void>;
}

export async function startHarness(options: EmulatorOptions = {}): Promise<EmulatorHarness> {
  const emulator = await startEmulator(options);
  const config = { projectId: emulator.projectId, baseUrl: emulator.baseUrl };
  const raw = (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    fetch(`${emulator.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${emulator.projectId}`, ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  return {
    emulator,
    sdk: DescopeClient(config),
    management: DescopeClient({ ...config, managementKey: 'test-management-key' }),
    raw,
    outbox: async (loginId) => {
      const response = await raw('GET', `/emulator/outbox?loginId=${encodeURIComponent(loginId)}`);
      // What was sent: a suppressed send (the emulator's note of why nothing went) is left out.
      const { messages } = (await response.json()) as { messages: OutboxMessage[] };
      return messages.filter((message) => !message.suppressed);
    },
    close: () => emulator.close(),
  };
}

/** A login id no other test uses. */
export const uniqueEmail = (prefix = 'user') =>
  `${prefix}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}@example.com`;

/** Decodes a JWT's header and payload without verifying it. */
export function decodeJwt(jwt: string): {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
} {
  const [header, payload] = jwt
    .split('.')
    .slice(0, 2)
    .map(
      (part) => JSON.parse(Buffer.from(part, 'base64url').toString()) as Record<string, unknown>,
    );
  return { header, payload };
}

export const STRONG_PASSWORD = 'Correct-Horse-9';
