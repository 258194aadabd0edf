import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLIENT_SCHEMA_FILE, renderClientSchema } from '../src/openapi-client-schema';

const ROOT = join(__dirname, '..');

/**
 * libs/client's types are generated from the committed openapi.json (test/openapi.e2e-spec.ts
 * keeps that one current), so a change of the API that was not regenerated fails here.
 */
describe('Contract: the client package types', () => {
  it('are what openapi-typescript makes of openapi.json now (else run `npm run openapi`)', async () => {
    const fresh = await renderClientSchema(readFileSync(join(ROOT, 'openapi.json'), 'utf8'), ROOT);
    const committed = readFileSync(join(ROOT, CLIENT_SCHEMA_FILE), 'utf8');
    if (committed !== fresh) {
      throw new Error(
        `${CLIENT_SCHEMA_FILE} differs from the types openapi.json gives: run \`npm run openapi\` ` +
          'and commit the result',
      );
    }
  });

  it('notices a change: one more route in openapi.json changes the types', async () => {
    const document = JSON.parse(readFileSync(join(ROOT, 'openapi.json'), 'utf8'));
    document.paths['/v1/new-route'] = { get: { responses: { '204': { description: 'ok' } } } };
    const committed = readFileSync(join(ROOT, CLIENT_SCHEMA_FILE), 'utf8');
    expect(await renderClientSchema(JSON.stringify(document), ROOT)).not.toBe(committed);
  });
});
