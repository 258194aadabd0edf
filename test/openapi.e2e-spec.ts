import { Validator } from '@seriousme/openapi-schema-validator';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderOpenApi } from '../src/openapi-document';

const COMMITTED = join(__dirname, '..', 'openapi.json');

/** openapi.json is the API's contract for other services: current, and valid OpenAPI. */
describe('Contract: openapi.json', () => {
  let fresh: string;

  beforeAll(async () => {
    fresh = await renderOpenApi();
  });

  it('is what the decorators build now (else run `npm run openapi`)', () => {
    const committed = readFileSync(COMMITTED, 'utf8');
    if (committed !== fresh) {
      throw new Error(
        'openapi.json differs from the document the code builds: run `npm run openapi` and ' +
          'commit the result',
      );
    }
  });

  it('builds the same document every time (nothing of the run inside)', async () => {
    // No port, host, time or random value may leak in: a second build matches byte for byte.
    expect(await renderOpenApi()).toBe(fresh);
  });

  it('validates against the OpenAPI schema with no errors', async () => {
    const result = await new Validator().validate(JSON.parse(fresh) as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });
});
