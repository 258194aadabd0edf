import { AppHarness, startApp } from '../support/app-harness';
import { LogCapture } from '../support/log-capture';
import { claimsOf, client, expectEnded, sleep, Tokens } from '../support/revocation-client';

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
