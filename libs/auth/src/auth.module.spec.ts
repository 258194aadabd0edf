import { Test } from '@nestjs/testing';
import { AuthModule } from './auth.module';
import { SessionGuard } from './session.guard';
import { TokenVerifier } from './token-verifier';

describe('AuthModule', () => {
  it('compiles from its options alone and provides the verifier and the guard', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [AuthModule.forRoot({ projectId: 'P2x', baseUrl: 'http://127.0.0.1:9' })],
    }).compile();
    expect(moduleRef.get(TokenVerifier)).toBeInstanceOf(TokenVerifier);
    expect(moduleRef.get(SessionGuard)).toBeInstanceOf(SessionGuard);
  });
});
