import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import fc from 'fast-check';
import { createValidationPipe } from '../../problems/validation.pipe';
import { isPlainValidateBody, SessionValidateDto } from './session-validate.dto';

const text = fc.oneof(
  fc.string({ maxLength: 210 }),
  fc.string({ unit: 'grapheme', maxLength: 210 }),
  fc.constantFrom('', 'x'.repeat(200), 'x'.repeat(201), '😀'.repeat(101), 'a'.repeat(16385)),
);
const value = fc.oneof(
  text,
  fc.constant(null),
  fc.integer(),
  fc.array(fc.oneof(text, fc.integer()), { maxLength: 52 }),
);
const often = <T>(usual: fc.Arbitrary<T>, rare: fc.Arbitrary<unknown>) =>
  fc.oneof({ weight: 4, arbitrary: usual }, { weight: 1, arbitrary: rare });
const names = often(
  fc.array(fc.string({ maxLength: 30 }), { maxLength: 5 }),
  fc.array(text, { maxLength: 52 }),
);
// Mostly near-valid bodies, so that many reach the comparison; the rest anything.
const body = fc.record(
  {
    sessionJwt: often(fc.string({ minLength: 1, maxLength: 40 }), value),
    roles: often(names, value),
    permissions: often(names, value),
    tenant: often(fc.string({ maxLength: 30 }), value),
    other: value,
  },
  { requiredKeys: ['sessionJwt'] },
);

describe('SessionValidateDto fast path', () => {
  it('never accepts a body the full rules refuse (10,000 generated bodies)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(body, (candidate) => {
        if (!isPlainValidateBody(candidate)) return;
        accepted++;
        const dto = plainToInstance(SessionValidateDto, candidate);
        const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
        expect(errors).toEqual([]);
      }),
      { numRuns: 10_000 },
    );
    expect(accepted).toBeGreaterThan(500);
  });

  it('answers the DTO for a plain valid body, and the full pipe’s errors otherwise', async () => {
    const pipe = createValidationPipe();
    const metadata = { type: 'body' as const, metatype: SessionValidateDto };
    const fast = await pipe.transform({ sessionJwt: 'a.b.c', roles: ['admin'] }, metadata);
    expect(fast).toBeInstanceOf(SessionValidateDto);
    expect(fast).toEqual({ sessionJwt: 'a.b.c', roles: ['admin'] });
    await expect(
      pipe.transform({ sessionJwt: 'a.b.c', __proto__x: 1 }, metadata),
    ).rejects.toMatchObject({
      code: 'invalid_request',
    });
    await expect(pipe.transform({ sessionJwt: '', roles: null }, metadata)).rejects.toMatchObject({
      extras: {
        errors: expect.arrayContaining([expect.objectContaining({ field: 'sessionJwt' })]),
      },
    });
  });
});
