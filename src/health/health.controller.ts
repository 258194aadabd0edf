import { JwksKeyStore, KeysNotReadyError, Public } from '@app/auth';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../problems/api-problems.decorator';
import { NoRateLimit } from '../rate-limit/no-rate-limit.decorator';

@ApiTags('health')
@NoRateLimit()
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly keys: JwksKeyStore) {}

  @Get('live')
  @ApiOperation({ summary: 'The process is up' })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  live(): { status: string } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: "Ready to validate sessions: Descope's signing keys are loaded" })
  @ApiOkResponse({ schema: { example: { status: 'ready' } } })
  @ApiProblems('not_ready')
  ready(): { status: string } {
    // The key store retries its first load itself; a probe never triggers a fetch of its own.
    if (!this.keys.ready) throw new KeysNotReadyError();
    return { status: 'ready' };
  }
}
