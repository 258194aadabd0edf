import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { EnvironmentVariables } from '../config/env.validation';
import { ReadinessCheck } from '../health/readiness-check';
import { MetricsService } from '../metrics/metrics.service';
import { problemBody } from '../problems/problem-body';
import { ProblemError } from '../problems/problem.error';

const PROMETHEUS = 'text/plain; version=0.0.4; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';
const PROBLEM_TYPE = 'application/problem+json';

interface Answer {
  status: number;
  type: string;
  body: string;
  headers?: Record<string, string>;
}

const json = (status: number, value: unknown): Answer => ({
  status,
  type: JSON_TYPE,
  body: JSON.stringify(value),
});

function problem(error: ProblemError): Answer {
  const retryAfter = error.extras.retryAfter;
  const headers = retryAfter ? { 'retry-after': String(retryAfter) } : undefined;
  const body = JSON.stringify(problemBody(error, randomUUID()));
  return { status: error.status, type: PROBLEM_TYPE, body, headers };
}

/**
 * The operators' port (Spring Boot's actuator port, Envoy's admin port): `/metrics` and the
 * detailed `/health/live` and `/health/ready`, bound to MANAGEMENT_HOST:MANAGEMENT_PORT (loopback
 * unless told otherwise), never on the public port. Three fixed GET routes with no body, so plain
 * `node:http`: no framework, no body parser, no CORS, nothing a stranger could reach.
 */
@Injectable()
export class ManagementServer implements BeforeApplicationShutdown, OnApplicationShutdown {
  private server?: Server;
  /** Set once shutdown begins: readiness answers 503 while requests in flight drain. */
  private stopping = false;
  private readonly logger = new Logger('Management');

  constructor(
    private readonly metrics: MetricsService,
    private readonly check: ReadinessCheck,
    private readonly config: ConfigService<EnvironmentVariables, true>,
  ) {}

  /** Starts listening (main.ts, after the public port); answers its URL. */
  async listen(): Promise<string> {
    // Probes and scrapes are small and quick: short timeouts, few connections.
    const server = createServer(
      { headersTimeout: 5000, requestTimeout: 10_000, maxHeaderSize: 8192 },
      (request, response) => void this.serve(request, response),
    );
    server.maxConnections = 64;
    const port = this.config.get('MANAGEMENT_PORT', { infer: true });
    const host = this.config.get('MANAGEMENT_HOST', { infer: true });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject).listen(port, host, () => resolve());
    });
    this.server = server;
    server.on('error', (error) => this.logger.error(`Management port: ${error.message}`));
    this.logger.log(`Management port on ${this.url} (/metrics, /health/live, /health/ready)`);
    return this.url!;
  }

  get url(): string | undefined {
    const address = this.server?.address() as AddressInfo | null | undefined;
    if (!address) return undefined;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return `http://${host}:${address.port}`;
  }

  beforeApplicationShutdown(): void {
    this.stopping = true;
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const answer = await this.answer(request).catch((error: unknown) => {
      if (error instanceof ProblemError) return problem(error);
      this.logger.error(`A management request failed: ${String(error)}`);
      return problem(new ProblemError('internal_error', 'The check failed unexpectedly'));
    });
    response.writeHead(answer.status, { 'content-type': answer.type, ...answer.headers });
    response.end(request.method === 'HEAD' ? undefined : answer.body);
  }

  private async answer({ method, url }: IncomingMessage): Promise<Answer> {
    const path = (url ?? '/').split('?')[0];
    if (method !== 'GET' && method !== 'HEAD') return problem(notFound());
    if (path === '/health/live') return json(200, await this.check.live());
    if (path === '/health/ready') {
      if (this.stopping) throw new ProblemError('not_ready', 'Shutting down', { retryAfter: 2 });
      return json(200, await this.check.ready());
    }
    if (path === '/metrics' && this.config.get('METRICS_ENABLED', { infer: true })) {
      return { status: 200, type: PROMETHEUS, body: await this.metrics.render() };
    }
    return problem(notFound());
  }
}

const notFound = () => new ProblemError('not_found', 'No such route on the management port');
