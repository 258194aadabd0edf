import { DESCOPE_ANSWERS, Evidence, KEPT_STAND_IN_CODES, STAND_IN_CODE } from './descope-answers';
import { EmulatorError, EmulatorErrors } from './errors';

/** A named source: a repository path (with a file extension or README), a URL, or a third party. */
const SOURCE =
  /(\.(ts|go|py|java|rb|cs|kt|swift|md)\b|README|https:\/\/docs\.descope\.com|third-party)/;

const kindOf = (evidence: Evidence) => Object.keys(evidence)[0];
const textOf = (evidence: Evidence) => Object.values(evidence)[0];

describe('the emulator’s error answers and their evidence', () => {
  const answers = Object.entries(DESCOPE_ANSWERS);

  it.each(answers)(
    '%s: code and status each attested with a source, or marked a stand-in',
    (_, a) => {
      expect(a.code).toMatch(/^E\d{6}$/);
      for (const evidence of [a.codeFrom, a.statusFrom]) {
        expect(['attested', 'inferred', 'standIn']).toContain(kindOf(evidence));
        if (kindOf(evidence) === 'standIn') expect(textOf(evidence).length).toBeGreaterThan(10);
        else expect(textOf(evidence)).toMatch(SOURCE);
      }
    },
  );

  it.each(answers)('%s: a made-up code is a stand-in, and a stand-in code is made up', (_, a) => {
    if (STAND_IN_CODE.test(a.code)) expect(kindOf(a.codeFrom)).toBe('standIn');
    if (kindOf(a.codeFrom) === 'standIn' && !STAND_IN_CODE.test(a.code)) {
      expect(KEPT_STAND_IN_CODES).toContain(a.code);
    }
  });

  it('every error the emulator can throw is one of the answers', () => {
    const known = new Set(Object.values(DESCOPE_ANSWERS));
    for (const make of Object.values(EmulatorErrors)) {
      const error = (make as (...args: unknown[]) => EmulatorError)('detail', 1);
      expect(known.has(error.answer)).toBe(true);
      expect([error.status, error.code]).toEqual([error.answer.status, error.answer.code]);
    }
  });

  it('never answers a 429 except for a rate limit (a 429 feeds the SDK’s retry handling)', () => {
    const limits = answers.filter(([, a]) => a.status === 429).map(([name]) => name);
    expect(limits).toEqual(['rateLimited']);
  });
});
