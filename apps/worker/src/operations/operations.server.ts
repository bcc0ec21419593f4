import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@lectern/config/config';
import { APP_CONFIG } from '@lectern/config/config.module';
import { CommonErrors, DomainError } from '@lectern/errors/domain.error';
import { PROBLEM_CONTENT_TYPE, toProblem } from '@lectern/errors/problem';
import { HealthService } from '@lectern/health/health.service';
import { negotiateLanguage } from '@lectern/i18n/languages';
import { MetricsService } from '@lectern/metrics/metrics.service';
import { QueueWorkers } from '@lectern/queue/queue.workers';

/**
 * The worker's small HTTP port (WORKER_HTTP_PORT) for its orchestrator and Prometheus: `/health/live`,
 * `/health/ready` (Postgres, Redis, and every queue's BullMQ worker taking jobs) and `/metrics`, with the same
 * bodies as the API's routes of those names. Plain node:http: three GET routes need no framework, and HTTP stays
 * out of libs/.
 *
 * It opens once the application has started and closes last on shutdown, so while the workers drain their
 * jobs (SIGTERM) it still answers: live, and not ready.
 */
@Injectable()
export class OperationsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OperationsServer.name);
  private readonly server: Server;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly health: HealthService,
    private readonly metrics: MetricsService,
    private readonly workers: QueueWorkers,
  ) {
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error: Error) => {
        this.logger.error(`${request.method} ${request.url}: ${error.message}`);
        if (!response.headersSent) this.problem(request, response, CommonErrors.internal());
        else response.destroy();
      });
    });
  }

  /** The port it listens on (WORKER_HTTP_PORT, or the one the system picked for 0). */
  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  async onApplicationBootstrap(): Promise<void> {
    const { host } = this.config.http;
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.config.worker.httpPort, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.logger.log(`health and metrics on http://${host}:${this.port}`);
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.server.listening) return;
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://worker').pathname;
    const method = request.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') return this.problem(request, response, CommonErrors.routeNotFound(method, path));
    switch (path) {
      case '/health/live':
        return this.json(response, 200, { status: 'ok' });
      case '/health/ready':
        return this.ready(request, response);
      case '/metrics': {
        const body = await this.metrics.registry.metrics();
        response.writeHead(200, { 'content-type': this.metrics.registry.contentType, 'cache-control': 'no-store' });
        response.end(method === 'HEAD' ? undefined : body);
        return;
      }
      default:
        return this.problem(request, response, CommonErrors.routeNotFound(method, path));
    }
  }

  private async ready(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const { ready, checks } = await this.health.readiness();
    const queues = Object.fromEntries(Object.entries(this.workers.running()).map(([queue, running]) => [queue, running ? 'up' : 'down']));
    const all = { ...checks, queues };
    if (ready && Object.values(queues).every((state) => state === 'up')) return this.json(response, 200, { status: 'ok', checks: all });
    this.problem(request, response, new DomainError('SERVICE_UNAVAILABLE', 503, {}, { extensions: { checks: all } }));
  }

  private json(response: ServerResponse, status: number, body: unknown): void {
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    response.end(JSON.stringify(body));
  }

  private problem(request: IncomingMessage, response: ServerResponse, error: DomainError): void {
    const language = negotiateLanguage(request.headers['accept-language']);
    response.writeHead(error.status, { 'content-type': PROBLEM_CONTENT_TYPE, 'cache-control': 'no-store', ...error.headers });
    response.end(JSON.stringify(toProblem(error, language, request.url)));
  }
}
