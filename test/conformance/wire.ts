import { answerFor } from '@app/descope-emulator';
import { EmulatorHarness, STRONG_PASSWORD, uniqueEmail } from '../support/emulator-harness';

/** Descope's Authorization header for a call on a user's behalf: `Bearer <projectId>:<refreshJwt>`. */
export const bearer = (h: EmulatorHarness, refreshJwt: string) => ({
  authorization: `Bearer ${h.emulator.projectId}:${refreshJwt}`,
});

/** The management form: `Bearer <projectId>:<managementKey>`. */
export const management = (h: EmulatorHarness) => ({
  authorization: `Bearer ${h.emulator.projectId}:test-management-key`,
});

/**
 * The JSON body of a response. An error answer must be one the emulator lists with its evidence
 * (libs/descope-emulator/src/descope-answers.ts): attested, inferred from a named source, or
 * marked a stand-in; anything else fails the test that read it.
 */
export async function read(response: Response): Promise<Record<string, any>> {
  const body = (await response.json()) as Record<string, any>;
  const code = JSON.stringify(body?.errorCode);
  if (code !== undefined && !answerFor(JSON.parse(code) as string, response.status)) {
    throw new Error(
      `The emulator answered ${response.status} ${code}, which descope-answers.ts does ` +
        'not list with a source or a stand-in mark',
    );
  }
  return body;
}

/** The JSON body of a response that must be 200. */
export async function json(pending: Promise<Response>): Promise<Record<string, any>> {
  const response = await pending;
  const body = await read(response);
  if (response.status !== 200) throw new Error(`${response.status}: ${JSON.stringify(body)}`);
  return body;
}

/** A new password user over the wire: its login id, user id and tokens. */
export async function signUpByPassword(h: EmulatorHarness) {
  const loginId = uniqueEmail('conf');
  const body = await json(
    h.raw('POST', '/v1/auth/password/signup', { loginId, password: STRONG_PASSWORD, user: {} }),
  );
  return {
    loginId,
    userId: body.user.userId as string,
    sessionJwt: body.sessionJwt as string,
    refreshJwt: body.refreshJwt as string,
  };
}
