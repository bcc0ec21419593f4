import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '@lectern/config/config';
import { AuthService } from '@lectern/domains/auth/auth.service';
import { CommonErrors } from '@lectern/errors/domain.error';
import { QUEUES } from '@lectern/queue/queue.contract';
import { bullConnection } from '@lectern/redis/redis.connection';
import { sendProblem } from '@api/http/problem.filter';

/** Where the dashboard is served; outside `/v1` and outside the OpenAPI document, which describes the API only. */
export const QUEUE_DASHBOARD_PATH = '/admin/queues';
/** The HttpOnly cookie that lets a browser in, and how long it lasts. */
export const QUEUE_DASHBOARD_COOKIE = 'lectern_queue_dashboard';
export const QUEUE_DASHBOARD_SESSION_SECONDS = 15 * 60;

function cookie(request: FastifyRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** The bearer token of the request, from its Authorization header or, for a browser, the dashboard's cookie. */
function tokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header) {
    const [scheme, token] = header.split(' ');
    return scheme?.toLowerCase() === 'bearer' && token ? token : '';
  }
  return cookie(request, QUEUE_DASHBOARD_COOKIE);
}

/**
 * bull-board, read-only, on every queue of the contract, for administrators only: each request (the page, its
 * assets and the JSON it polls) carries an administrator's bearer token, in the Authorization header or in the
 * short-lived cookie `POST /v1/admin/queue-dashboard/session` sets. The user is loaded on every request, so taking
 * the administrator role away closes the dashboard at once. Anything but GET and HEAD is refused before
 * bull-board sees it, on top of its own read-only mode.
 */
export async function mountQueueDashboard(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const auth = app.get(AuthService);
  const queues = Object.values(QUEUES).map((name) => new Queue(name, bullConnection(config.redis, 'producer')));
  for (const queue of queues) queue.on('error', () => undefined);
  const board = new BullBoardFastifyAdapter();
  board.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue, { readOnlyMode: true })),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'Lectern queues' } },
  });

  const guard = async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      if (request.method !== 'GET' && request.method !== 'HEAD') throw CommonErrors.forbidden();
      const token = tokenOf(request);
      if (!token) throw CommonErrors.unauthenticated();
      const user = await auth.authenticate(token);
      if (!user.isAdmin) throw CommonErrors.forbidden();
    } catch (error) {
      sendProblem(error, request, reply, config.http.bodyLimitBytes);
      return reply;
    }
  };
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  await fastify.register(async (scope) => {
    scope.addHook('onRequest', guard);
    scope.addHook('onClose', async () => {
      await Promise.all(queues.map((queue) => queue.close().catch(() => undefined)));
    });
    await scope.register(board.registerPlugin(), { prefix: QUEUE_DASHBOARD_PATH });
  });
}
