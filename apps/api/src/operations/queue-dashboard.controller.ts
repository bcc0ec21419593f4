import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Actor } from '@lectern/domains/auth/auth.types';
import { TokenService } from '@lectern/domains/auth/token.service';
import { CommonErrors } from '@lectern/errors/domain.error';
import { CurrentActor } from '@api/http/auth.decorators';
import { ApiProblems } from '@api/http/problem.dto';
import { QUEUE_DASHBOARD_COOKIE, QUEUE_DASHBOARD_PATH, QUEUE_DASHBOARD_SESSION_SECONDS } from './queue-dashboard';

@ApiTags('operations')
@Controller({ version: '1' })
export class QueueDashboardController {
  constructor(private readonly tokens: TokenService) {}

  @Post('admin/queue-dashboard/session')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Let this browser open the queue dashboard',
    description:
      `Administrators only. Sets an HttpOnly, SameSite=Strict cookie, valid for ${QUEUE_DASHBOARD_SESSION_SECONDS / 60} minutes and sent ` +
      `only to ${QUEUE_DASHBOARD_PATH}, where the read-only queue dashboard (bull-board) is served to administrators. ` +
      'The dashboard is an HTML application outside this API and is not described here; it also accepts the bearer token itself.',
  })
  @ApiNoContentResponse({
    description: 'The cookie is set',
    headers: { 'set-cookie': { description: `${QUEUE_DASHBOARD_COOKIE}=…; Path=${QUEUE_DASHBOARD_PATH}; HttpOnly`, schema: { type: 'string' } } },
  })
  @ApiProblems(401, 403)
  async open(@CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    if (!actor.isAdmin) throw CommonErrors.forbidden();
    const { token } = await this.tokens.issue(actor.id, new Date(), QUEUE_DASHBOARD_SESSION_SECONDS);
    const secure = request.protocol === 'https' ? '; Secure' : '';
    void reply.header(
      'set-cookie',
      `${QUEUE_DASHBOARD_COOKIE}=${token}; Path=${QUEUE_DASHBOARD_PATH}; Max-Age=${QUEUE_DASHBOARD_SESSION_SECONDS}; HttpOnly; SameSite=Strict${secure}`,
    );
  }
}
