import { JwksKeyStore } from '@app/auth';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HealthIndicatorService } from '@nestjs/terminus';
import { EnvironmentVariables } from '../config/env.validation';
import { RedisConnection } from '../redis/redis-connection';

/** The checks that decide readiness: a replica failing one of them cannot serve. */
@Injectable()
export class ReadinessIndicators {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly keys: JwksKeyStore,
    private readonly config: ConfigService<EnvironmentVariables, true>,
    private readonly redis: RedisConnection,
  ) {}

  /**
   * The environment passed validation at start (the service does not start otherwise); shows
   * which Descope the replica talks to, so a misrouted replica is visible from its probe.
   */
  configuration() {
    const projectId = this.config.get('DESCOPE_PROJECT_ID', { infer: true });
    return this.indicators.check('config').up({
      descope: projectId ? 'project' : 'embedded emulator',
      sharedLimits: Boolean(this.redis.client),
    });
  }

  /** Sessions can be judged only once Descope's signing keys are loaded; probes never fetch. */
  signingKeys() {
    const check = this.indicators.check('signingKeys');
    if (!this.keys.ready) return check.down({ message: 'signing keys not loaded yet' });
    return check.up({ keys: this.keys.keyCount });
  }
}
