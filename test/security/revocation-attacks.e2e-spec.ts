import { SESSION_ENDED } from '@app/auth';
import { AppHarness, ApiResponse, startApp } from '../support/app-harness';
import { STRONG_PASSWORD, uniqueEmail } from '../support/emulator-harness';
import { LogCapture } from '../support/log-capture';
import { nextSecond } from '../support/revocation';
import { verifyEmail } from '../support/verify-email';

type Tokens = { sessionJwt: string; refreshJwt: string; loginId: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const claimsOf = (jwt: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;

/** Helpers bound to one running app. */
function client(get: () => AppHarness) {
  const signUp = async (prefix = 'revatk'): Promise<Tokens> => {
    const loginId = uniqueEmail(prefix);
    const up = await get().api('POST', '/v1/password/signup', {
      body: { loginId, password: STRONG_PASSWORD },
    });
    expect(up.status).toBe(201);
    return { loginId, ...(up.body as { sessionJwt: string; refreshJwt: string }) };
  };
  const signIn = async (loginId: string, loginOptions?: object): Promise<Tokens> => {
    const r = await get().api('POST', '/v1/password/signin', {
      body: { loginId, password: STRONG_PASSWORD, loginOptions },
    });
    expect(r.status).toBe(200);
    return { loginId, ...(r.body as { sessionJwt: string; refreshJwt: string }) };
  };
  const session = (jwt: string) => get().api('GET', '/v1/session', { bearer: jwt });
  const validate = (jwt: string) =>
    get().api('POST', '/v1/session/validate', { body: { sessionJwt: jwt } });
  const refresh = (jwt: string) =>
    get().api('POST', '/v1/session/refresh', { cookies: { DSR: jwt } });
  /** Distinct statuses of a session on GET /v1/session and validate, twice each (memo hits). */
  const statuses = async (jwt: string) => {
    const seen: number[] = [];
    for (let i = 0; i < 2; i++) {
      seen.push((await session(jwt)).status, (await validate(jwt)).status);
    }
    return [...new Set(seen)];
  };
  return { signUp, signIn, session, validate, refresh, statuses };
}

/** A 401 token_invalid "session ended" answer that does not echo the token. */
function expectEnded(answer: ApiResponse, jwt: string) {
  expect([answer.status, answer.body.code, answer.body.detail]).toEqual([
    401,
    'token_invalid',
    SESSION_ENDED,
  ]);
  const text = JSON.stringify(answer.body);
  expect(text).not.toContain(jwt);
  expect(text).not.toContain(jwt.split('.')[2]);
}

/**
 * A hostile client against logout, logout-all, refresh reuse and the revocation set (one
 * instance, no Redis). Every attack asserts the safe outcome (the holes it found are fixed, and
 * say so).
 */
describe('Security: revocation attacks (rotation off)', () => {
  let h: AppHarness;
  const logs = new LogCapture();
  const seenTokens: string[] = [];
  const c = client(() => h);
  const keep = <T extends { sessionJwt?: string; refreshJwt?: string }>(t: T): T => {
    if (t.sessionJwt) seenTokens.push(t.sessionJwt);
    if (t.refreshJwt) seenTokens.push(t.refreshJwt);
    return t;
  };

  beforeAll(async () => (h = await startApp({ REFRESH_REUSE_WINDOW_MS: '1000' }, {}, logs)));
  afterAll(() => h.close());

  it("a logout carrying another user's session ends only the caller's own sessions", async () => {
    const attacker = keep(await c.signUp('attacker'));
    const victim = keep(await c.signUp('victim'));
    expect(await c.statuses(victim.sessionJwt)).toEqual([200]);
    // Victim's session as bearer, then (another sign-in of the attacker) as DS cookie.
    const out = await h.api('POST', '/v1/session/logout', {
      cookies: { DSR: attacker.refreshJwt },
      bearer: victim.sessionJwt,
    });
    expect(out.status).toBe(204);
    const again = keep(await c.signIn(attacker.loginId));
    const out2 = await h.api('POST', '/v1/session/logout', {
      cookies: { DSR: again.refreshJwt, DS: victim.sessionJwt },
    });
    expect(out2.status).toBe(204);
    expect(await c.statuses(victim.sessionJwt)).toEqual([200]);
    expect((await c.refresh(victim.refreshJwt)).status).toBe(200);
    // The attacker's own session did end.
    expect(await c.statuses(attacker.sessionJwt)).toEqual([401]);
  });

  it("logout-all ends only the refresh token's user, whatever else the request carries", async () => {
    const attacker = keep(await c.signUp('attacker'));
    const victim = keep(await c.signUp('victim'));
    // DSR cookie wins over the bearer: the victim's refresh token as bearer is ignored.
    const mixed = await h.api('POST', '/v1/session/logout-all', {
      cookies: { DSR: attacker.refreshJwt, DS: victim.sessionJwt },
      bearer: victim.sessionJwt,
    });
    expect(mixed.status).toBe(204);
    // A session token where the refresh token belongs (wrong kind): refused, nothing ends.
    for (const request of [
      { bearer: victim.sessionJwt },
      { cookies: { DSR: victim.sessionJwt } },
    ]) {
      const wrongKind = await h.api('POST', '/v1/session/logout-all', request);
      expect([wrongKind.status, wrongKind.body.code]).toEqual([401, 'token_invalid']);
      const wrongLogout = await h.api('POST', '/v1/session/logout', request);
      expect([wrongLogout.status, wrongLogout.body.code]).toEqual([401, 'token_invalid']);
    }
    expect(await c.statuses(victim.sessionJwt)).toEqual([200]);
    expect((await c.refresh(victim.refreshJwt)).status).toBe(200);
    expect(await c.statuses(attacker.sessionJwt)).toEqual([401]);
  });

  it('a logged-out session is refused in every spelling, memo hits included, never echoed', async () => {
    const user = keep(await c.signUp());
    const { sessionJwt } = user;
    expect(await c.statuses(sessionJwt)).toEqual([200]); // memoised
    const out = await h.api('POST', '/v1/session/logout', {
      cookies: { DSR: user.refreshJwt },
      bearer: sessionJwt,
    });
    expect(out.status).toBe(204);
    const spellings: Record<string, string>[] = [
      { authorization: `Bearer ${sessionJwt}` },
      { authorization: `bearer ${sessionJwt}` },
      { authorization: `BEARER ${sessionJwt}` },
      { authorization: `Bearer    ${sessionJwt}` },
      { authorization: `Bearer\t${sessionJwt}` },
      { authorization: `Bearer ${sessionJwt}   ` },
      { cookie: `DS=${sessionJwt}` },
      { cookie: `other=1; DS=${sessionJwt}; x=y` },
    ];
    for (const headers of spellings) {
      for (let i = 0; i < 2; i++)
        expectEnded(await h.api('GET', '/v1/session', { headers }), sessionJwt);
    }
    for (const body of [
      { sessionJwt },
      { sessionJwt, roles: [] },
      { sessionJwt, permissions: [] },
      { sessionJwt, tenant: 'current' },
    ]) {
      expectEnded(await h.api('POST', '/v1/session/validate', { body }), sessionJwt);
    }
    // Other texts of the same token are no way around the exact-token entry.
    for (const variant of [
      ` ${sessionJwt}`,
      `${sessionJwt} `,
      `${sessionJwt}=`,
      `${sessionJwt}.`,
    ]) {
      const answer = await c.validate(variant);
      expect([400, 401]).toContain(answer.status);
      expect(JSON.stringify(answer.body)).not.toContain(sessionJwt.split('.')[2]);
    }
    // Both cookies and bearer: still nothing accepted for the ended session.
    const both = await h.api('GET', '/v1/session', {
      bearer: sessionJwt,
      cookies: { DS: sessionJwt, DSR: user.refreshJwt },
    });
    expectEnded(both, sessionJwt);
  });

  it('refreshes racing a logout never yield a session the service accepts afterwards', async () => {
    const user = keep(await c.signUp());
    const before = Array.from({ length: 10 }, () => c.refresh(user.refreshJwt));
    const logout = h.api('POST', '/v1/session/logout', {
      cookies: { DSR: user.refreshJwt },
      bearer: user.sessionJwt,
    });
    const during = Array.from({ length: 10 }, () => c.refresh(user.refreshJwt));
    const out = await logout;
    expect(out.status).toBe(204);
    const after = await Promise.all(Array.from({ length: 10 }, () => c.refresh(user.refreshJwt)));
    const answers = [...(await Promise.all([...before, ...during])), ...after];
    for (const answer of answers) {
      expect([200, 401]).toContain(answer.status);
      if (answer.status !== 200) continue;
      keep(answer.body as Tokens);
      expect(await c.statuses(answer.body.sessionJwt as string)).toEqual([401]);
    }
    expect(await c.statuses(user.sessionJwt)).toEqual([401]);
    // After the window the refresh token reaches Descope, which refuses it.
    await sleep(1100);
    const late = await c.refresh(user.refreshJwt);
    expect([late.status, late.body.code]).toEqual([401, 'token_invalid']);
  });

  it('50 mixed concurrent logouts, logout-alls, validates and refreshes: no 5xx, all ended', async () => {
    const user = keep(await c.signUp());
    const second = keep(await c.signIn(user.loginId));
    const { sessionJwt, refreshJwt } = user;
    const kinds = [
      () =>
        h.api('POST', '/v1/session/logout', { cookies: { DSR: refreshJwt }, bearer: sessionJwt }),
      () => h.api('POST', '/v1/session/logout-all', { cookies: { DSR: second.refreshJwt } }),
      () => c.validate(sessionJwt),
      () => c.session(second.sessionJwt),
      () => c.refresh(refreshJwt),
    ];
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => kinds[i % 5]()));
    for (const answer of answers) {
      expect(answer.status).toBeLessThan(500);
      if (answer.body.sessionJwt) keep(answer.body as Tokens);
    }
    expect(answers.filter((a) => a.status === 204).length).toBeGreaterThanOrEqual(1);
    expect(await c.statuses(sessionJwt)).toEqual([401]);
    expect(await c.statuses(second.sessionJwt)).toEqual([401]);
    for (const answer of answers.filter((a) => a.body.sessionJwt)) {
      expect(await c.statuses(answer.body.sessionJwt as string)).toEqual([401]);
    }
    expect((await c.refresh(refreshJwt)).status).toBe(401);
    expect((await c.refresh(second.refreshJwt)).status).toBe(401);
  });

  it('forged sessions without iat or rexp, or with rexp in other forms, are ended', async () => {
    const user = keep(await c.signUp());
    const claims = claimsOf(user.sessionJwt);
    const sign = (patch: Record<string, unknown>, drop: string[] = []) => {
      const next: Record<string, unknown> = { ...claims, ...patch };
      for (const name of drop) delete next[name];
      return h.emulator.context.keys.sign(next);
    };
    const rexpSeconds = Math.floor(Date.parse(claims.rexp as string) / 1000);
    const family = {
      numericRexp: sign({ rexp: rexpSeconds }),
      fractionRexp: sign({ rexp: new Date(rexpSeconds * 1000).toISOString() }),
      noIatFamily: sign({}, ['iat']),
    };
    const carried = sign({}, ['rexp']);
    const user2 = keep(await c.signUp());
    const claims2 = claimsOf(user2.sessionJwt);
    const sign2 = (drop: string[]) => {
      const next: Record<string, unknown> = { ...claims2 };
      for (const name of drop) delete next[name];
      return h.emulator.context.keys.sign(next);
    };
    const userWide = {
      noIat: sign2(['iat']),
      noRexp: sign2(['rexp']),
      neither: sign2(['iat', 'rexp']),
    };
    for (const jwt of [...Object.values(family), carried, ...Object.values(userWide)]) {
      seenTokens.push(jwt);
      expect(await c.statuses(jwt)).toEqual([200]); // valid, and memoised
    }
    // Logout: the family (whatever form of rexp) and the carried rexp-less token end.
    const out = await h.api('POST', '/v1/session/logout', {
      cookies: { DSR: user.refreshJwt },
      bearer: carried,
    });
    expect(out.status).toBe(204);
    for (const [name, jwt] of Object.entries({ ...family, carried })) {
      expect([name, await c.statuses(jwt)]).toEqual([name, [401]]);
    }
    // Logout-all: every token of the user, with or without iat/rexp.
    const all = await h.api('POST', '/v1/session/logout-all', { bearer: user2.refreshJwt });
    expect(all.status).toBe(204);
    for (const [name, jwt] of Object.entries(userWide)) {
      expect([name, await c.statuses(jwt)]).toEqual([name, [401]]);
    }
  });

  it("logout answers alike whoever's session it carries (no oracle)", async () => {
    const attacker = keep(await c.signUp('oracle'));
    const victim = keep(await c.signUp('victim'));
    const ended = keep(await c.signUp('ended'));
    await h.api('POST', '/v1/session/logout-all', { bearer: ended.refreshJwt });
    const carried: [string, Record<string, string>][] = [
      ['victim bearer', { authorization: `Bearer ${victim.sessionJwt}` }],
      ['own bearer', { authorization: `Bearer ${attacker.sessionJwt}` }],
      ['ended bearer', { authorization: `Bearer ${ended.sessionJwt}` }],
      ['garbage bearer', { authorization: 'Bearer a.b.c' }],
      ['refresh as session', { authorization: `Bearer ${victim.refreshJwt}` }],
      ['none', {}],
    ];
    const shapes: string[] = [];
    for (const [, headers] of carried) {
      const own = keep(await c.signIn(attacker.loginId));
      const answer = await h.api('POST', '/v1/session/logout', {
        headers: { ...headers, cookie: `DSR=${own.refreshJwt}` },
      });
      const names = [...answer.headers.keys()].filter((k) => !['date', 'x-request-id'].includes(k));
      shapes.push(
        JSON.stringify([
          answer.status,
          answer.body,
          names.sort(),
          Object.keys(answer.cookies).sort(),
        ]),
      );
    }
    expect(new Set(shapes).size).toBe(1);
    expect(JSON.parse(shapes[0])[0]).toBe(204);
    expect(await c.statuses(victim.sessionJwt)).toEqual([200]);
  });

  it('no log line holds a token (audit and revocation lines included)', () => {
    const text = logs.text();
    expect(logs.records().some((r) => r.event === 'revocation' && r.reason === 'logout')).toBe(
      true,
    );
    expect(logs.records().some((r) => r.event === 'revocation' && r.reason === 'logout_all')).toBe(
      true,
    );
    expect(seenTokens.length).toBeGreaterThan(20);
    for (const jwt of seenTokens) {
      expect(text).not.toContain(jwt.split('.')[2]);
      expect(text).not.toContain(jwt.split('.')[1]);
    }
  });
});

const WINDOW_MS = 800;

describe('Security: refresh reuse attacks (rotation on)', () => {
  let h: AppHarness;
  const c = client(() => h);
  beforeAll(
    async () =>
      (h = await startApp(
        { REFRESH_REUSE_WINDOW_MS: String(WINDOW_MS) },
        { rotateRefreshTokens: true },
      )),
  );
  afterAll(() => h.close());
  const upstreamRefreshes = async () => {
    const stats = await (await fetch(`${h.emulator.baseUrl}/emulator/stats`)).json();
    return (stats as { requests: Record<string, number> }).requests['POST /v1/auth/refresh'] ?? 0;
  };

  it('a stolen old refresh token gets nothing after the window, and ends the thief too', async () => {
    const user = await c.signUp();
    const first = await c.refresh(user.refreshJwt); // the victim rotates
    expect(first.status).toBe(200);
    await sleep(WINDOW_MS + 150);
    const thief = await c.refresh(user.refreshJwt);
    expect([thief.status, thief.body.code]).toEqual([401, 'token_invalid']);
    expect(thief.body.sessionJwt).toBeUndefined();
    expect(JSON.stringify(thief.body)).not.toContain(first.body.sessionJwt);
    // Reuse ends everything of the user at once.
    expect(await c.statuses(first.body.sessionJwt as string)).toEqual([401]);
    expect((await c.refresh(first.body.refreshJwt as string)).status).toBe(401);
  });

  it('refreshing again and again does not stretch the window', async () => {
    const user = await c.signUp();
    const start = Date.now();
    const first = await c.refresh(user.refreshJwt);
    expect(first.status).toBe(200);
    while (Date.now() - start < WINDOW_MS - 250) {
      const again = await c.refresh(user.refreshJwt);
      expect([again.status, again.body.sessionJwt]).toEqual([200, first.body.sessionJwt]);
      await sleep(100);
    }
    await sleep(Math.max(0, start + WINDOW_MS + 200 - Date.now()));
    const late = await c.refresh(user.refreshJwt);
    expect([late.status, late.body.code]).toEqual([401, 'token_invalid']);
  });

  it('concurrent refreshes of two refresh tokens of one user each get their own answer', async () => {
    const a = await c.signUp();
    await nextSecond();
    const b = await c.signIn(a.loginId);
    const before = await upstreamRefreshes();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => c.refresh(i % 2 ? b.refreshJwt : a.refreshJwt)),
    );
    expect(answers.map((x) => x.status)).toEqual(Array(20).fill(200));
    const ofA = new Set(answers.filter((_, i) => i % 2 === 0).map((x) => x.body.sessionJwt));
    const ofB = new Set(answers.filter((_, i) => i % 2 === 1).map((x) => x.body.sessionJwt));
    expect([ofA.size, ofB.size]).toEqual([1, 1]);
    // (The two sessions may be byte-identical: same user, same second, same rexp, deterministic
    // RS256. The refresh tokens carry distinct jti.)
    const refreshOfA = new Set(answers.filter((_, i) => i % 2 === 0).map((x) => x.body.refreshJwt));
    const refreshOfB = new Set(answers.filter((_, i) => i % 2 === 1).map((x) => x.body.refreshJwt));
    expect([refreshOfA.size, refreshOfB.size]).toEqual([1, 1]);
    const [newA, newB] = [[...refreshOfA][0] as string, [...refreshOfB][0] as string];
    expect(claimsOf(newA).jti).not.toBe(claimsOf(newB).jti);
    expect([newA, newB]).not.toContain(a.refreshJwt);
    expect([newA, newB]).not.toContain(b.refreshJwt);
    expect((await upstreamRefreshes()) - before).toBe(2);
    // Each new refresh token is live on its own at Descope: logging A's out leaves B's working.
    const outA = await h.api('POST', '/v1/session/logout', { cookies: { DSR: newA } });
    expect(outA.status).toBe(204);
    await sleep(WINDOW_MS + 100);
    expect((await c.refresh(newB)).status).toBe(200);
    expect((await c.refresh(newA)).status).toBe(401);
  });

  /**
   * Found by this suite: a logout presenting a refresh token that a thief already rotated away
   * was refused upstream and revoked nothing. It is reuse, as on refresh: every session of the
   * user ends (the logout itself answers 204, the caller is logged out).
   */
  it('a logout with a rotated-away refresh token ends the thief as reuse does', async () => {
    const victim = await c.signUp();
    const stolen = await c.refresh(victim.refreshJwt); // the thief rotates first
    expect(stolen.status).toBe(200);
    await sleep(WINDOW_MS + 150);
    const out = await h.api('POST', '/v1/session/logout', {
      cookies: { DSR: victim.refreshJwt },
      bearer: victim.sessionJwt,
    });
    expect(out.status).toBeLessThan(500);
    expect(out.status).toBe(204);
    expect(await c.statuses(victim.sessionJwt)).toEqual([401]);
    expect(await c.statuses(stolen.body.sessionJwt as string)).toEqual([401]);
    expect((await c.refresh(stolen.body.refreshJwt as string)).status).toBe(401);
  });
});

/**
 * Revocations that Descope is not told about (reuse, password reset, replace with
 * revokeOtherSessions) rely on the service's per-user not-before alone to refuse the user's
 * refresh tokens; that entry lives only the longest SESSION lifetime seen (+10 s). Sessions of
 * 3 s here make it ~14 s.
 */
describe('Security: revocations outliving their entries (rotation on, 3 s sessions)', () => {
  let h: AppHarness;
  const c = client(() => h);
  const early: Record<string, number> = {};
  let reuse: { rotatedRefresh: string };
  let reset: { oldRefresh: string };
  let replace: { oldRefresh: string };
  let longLived: { jwt: string };
  /** A refresh with the token, and the statuses of the session it returned (if any). */
  const resurrected = async (refreshJwt: string) => {
    const answer = await c.refresh(refreshJwt);
    const jwt = answer.body.sessionJwt as string | undefined;
    return { refresh: answer.status, newSession: jwt ? await c.statuses(jwt) : [] };
  };

  beforeAll(async () => {
    h = await startApp(
      { REFRESH_REUSE_WINDOW_MS: '500' },
      { rotateRefreshTokens: true, sessionTtlSeconds: 3 },
    );
    // Reuse: the thief rotates first; the victim's later use of the old token is reuse.
    const victim = await c.signUp('reuse');
    const thief = await c.refresh(victim.refreshJwt);
    // Password reset: an attacker holds an old refresh token; the owner resets the password.
    const owner = await c.signUp('reset');
    const verified = await verifyEmail(h, owner.loginId, owner.refreshJwt);
    // Replace with revokeOtherSessions.
    const replacer = await c.signUp('replace');
    // A session Descope issued with a longer lifetime than any this instance has seen (e.g. a
    // tenant's own session timeout), not yet presented here.
    const long = await c.signUp('long');
    const claims = claimsOf(long.sessionJwt);
    longLived = {
      jwt: h.emulator.context.keys.sign({ ...claims, exp: (claims.iat as number) + 3600 }),
    };
    await sleep(600);
    await nextSecond();
    const reused = await c.refresh(victim.refreshJwt);
    expect([reused.status, reused.body.code]).toEqual([401, 'token_invalid']);
    await h.api('POST', '/v1/password/reset', { body: { loginId: owner.loginId } });
    const [link] = await h.outbox(owner.loginId);
    const done = await h.api('POST', '/v1/password/reset/complete', {
      body: { token: link.token, newPassword: 'Reset-Horse-77' },
    });
    expect(done.status).toBe(200);
    const replaced = await h.api('POST', '/v1/password/replace', {
      body: {
        loginId: replacer.loginId,
        oldPassword: STRONG_PASSWORD,
        newPassword: 'Replace-Horse-78',
        loginOptions: { revokeOtherSessions: true },
      },
    });
    expect(replaced.status).toBe(200);
    const all = await h.api('POST', '/v1/session/logout-all', { bearer: long.refreshJwt });
    expect(all.status).toBe(204);

    reuse = { rotatedRefresh: thief.body.refreshJwt as string };
    reset = { oldRefresh: verified.body.refreshJwt as string };
    replace = { oldRefresh: replacer.refreshJwt };
    // Right after: all refused (reading only; a refused refresh never reaches Descope).
    early.reuse = (await c.refresh(reuse.rotatedRefresh)).status;
    early.reset = (await c.refresh(reset.oldRefresh)).status;
    early.replace = (await c.refresh(replace.oldRefresh)).status;
    early.long = (await c.validate(longLived.jwt)).status;
    // Wait past the entries' `until` (notBefore + 3 s lifetime + 10 s).
    await sleep(15_000);
  }, 40_000);
  afterAll(() => h.close());

  it('every one is refused right after the revocation', () => {
    expect(early).toEqual({ reuse: 401, reset: 401, replace: 401, long: 401 });
  });

  /** Found by this suite: the not-before lived a session lifetime; it lives a refresh token's. */
  it("after refresh reuse the thief's rotated refresh token stays refused", async () => {
    expect(await resurrected(reuse.rotatedRefresh)).toEqual({ refresh: 401, newSession: [] });
  });

  /** Found by this suite: a refresh token stolen before a reset worked again later. */
  it('after a password reset an older refresh token stays refused', async () => {
    expect(await resurrected(reset.oldRefresh)).toEqual({ refresh: 401, newSession: [] });
  });

  /** The same for /v1/password/replace with revokeOtherSessions. */
  it('after a replace with revokeOtherSessions an older refresh token stays refused', async () => {
    expect(await resurrected(replace.oldRefresh)).toEqual({ refresh: 401, newSession: [] });
  });

  /**
   * Found by this suite: the not-before lived the longest lifetime seen (3 s here), not the
   * longest a session can have (the configured bound).
   */
  it('a session issued before logout-all stays refused until its own exp', async () => {
    const later = await c.validate(longLived.jwt);
    expect(later.status).toBe(401);
  });
});
