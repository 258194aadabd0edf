import { Test } from '@nestjs/testing';
import { DescopeClient } from './descope.client';
import { DescopeModule } from './descope.module';

describe('DescopeModule', () => {
  it('compiles and provides the DescopeClient from its options', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        DescopeModule.forRoot({
          projectId: 'P2test',
          baseUrl: 'http://127.0.0.1:9/',
          timeoutMs: 1000,
        }),
      ],
    }).compile();
    const client = moduleRef.get(DescopeClient);
    expect(client.projectId).toBe('P2test');
    expect(client.baseUrl).toBe('http://127.0.0.1:9');
  });
});
