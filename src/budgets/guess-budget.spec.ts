import { DescopeApiError, DescopeErrorCodes as E, DescopeTimeoutError } from '@app/descope';
import { budgetParts } from '../../test/support/budget-fakes';
import { ProblemError } from '../problems/problem.error';
import { CallerInfo } from './caller';
import { GuessBudget } from './guess-budget';

const wrongPassword = () => new DescopeApiError(E.wrongPassword, 'wrong', 400);

function guessBudget() {
  const parts = budgetParts({
    AUTH_FAILURES_PER_CLIENT: '2/1h',
    AUTH_FAILURES_PER_ACCOUNT: '3/1h',
    AUTH_FAILURES_PER_DEVICE: '2/1h',
    AUTH_FAILURES_TRUSTED_PER_ACCOUNT: '10/1h',
  });
  const { store, devices, metrics, config } = parts;
  return { budget: new GuessBudget(store, devices, metrics, config), refusals: parts.refusals };
}

/** One attempt that fails with `error` (or succeeds): what the caller sees. */
const attempt = (budget: GuessBudget, caller: CallerInfo, error?: Error, loginId = 'ada') =>
  budget
    .check(loginId, caller, () => (error ? Promise.reject(error) : Promise.resolve('session')))
    .catch((thrown: unknown) => thrown);

describe('GuessBudget', () => {
  const client = { ip: '203.0.113.1' };

  it('spends a unit per wrong secret and refuses the next attempt without running it', async () => {
    const { budget, refusals } = guessBudget();
    expect(await attempt(budget, client, wrongPassword())).toBeInstanceOf(DescopeApiError);
    expect(await attempt(budget, client, wrongPassword())).toBeInstanceOf(DescopeApiError);
    const run = jest.fn(() => Promise.resolve('session'));
    const refused = await budget.check('ada', client, run).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ProblemError);
    expect(refused).toMatchObject({ code: 'too_many_attempts', status: 429 });
    expect((refused as ProblemError).extras.retryAfter).toBeGreaterThan(0);
    expect(run).not.toHaveBeenCalled();
    expect(refusals).toEqual([{ budget: 'guess', channel: 'any' }]);
  });

  it('gives the unit back for a success, an outage and a Descope rate limit', async () => {
    const { budget } = guessBudget();
    for (const outcome of [
      undefined,
      new DescopeTimeoutError(5000),
      new DescopeApiError(E.rateLimited, 'slow down', 429),
      new ProblemError('forbidden', 'not yours'),
    ]) {
      for (let i = 0; i < 3; i++) await attempt(budget, client, outcome);
    }
    expect(await attempt(budget, client)).toBe('session');
  });

  it('spends the account budget over every client, and keeps accounts apart', async () => {
    const { budget } = guessBudget();
    await attempt(budget, { ip: '203.0.113.1' }, wrongPassword());
    await attempt(budget, { ip: '203.0.113.2' }, wrongPassword());
    await attempt(budget, { ip: '203.0.113.3' }, wrongPassword());
    expect(await attempt(budget, { ip: '203.0.113.4' })).toMatchObject({
      code: 'too_many_attempts',
    });
    expect(await attempt(budget, { ip: '203.0.113.4' }, undefined, 'grace')).toBe('session');
  });

  it("lets the owner's device in when others spent the account's budget", async () => {
    const { budget } = guessBudget();
    for (let i = 0; i < 3; i++) await attempt(budget, { ip: `198.51.100.${i}` }, wrongPassword());
    expect(await attempt(budget, client)).toMatchObject({ code: 'too_many_attempts' });
    const owner = { ip: '203.0.113.9', deviceToken: 'device:ada' };
    expect(await attempt(budget, owner)).toBe('session');
    // A device token of another login id is no device here.
    const stolen = { ip: '203.0.113.9', deviceToken: 'device:grace' };
    expect(await attempt(budget, stolen)).toMatchObject({ code: 'too_many_attempts' });
  });
});
