import { Controller, Get, Header, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { DomainError } from '@lectern/errors/domain.error';
import { Public } from '@api/http/auth.decorators';
import { ProblemDto } from '@api/http/problem.dto';
import { HealthService } from '@lectern/health/health.service';
import { MetricsService } from '@lectern/metrics/metrics.service';
import { LivenessDto, ReadinessDto } from './health.dto';

@ApiTags('operations')
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthService,
    private readonly metrics: MetricsService,
  ) {}

  @Public()
  @Get('health/live')
  @ApiOperation({ summary: 'Liveness: the process is up', description: 'Anyone may call this.' })
  @ApiOkResponse({ type: LivenessDto })
  live() {
    return { status: 'ok' };
  }

  @Public()
  @Get('health/ready')
  @ApiOperation({ summary: 'Readiness: Postgres and Redis answer', description: 'Anyone may call this.' })
  @ApiOkResponse({ type: ReadinessDto })
  @ApiServiceUnavailableResponse({
    description: 'A dependency is down; `checks` says which',
    content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } },
  })
  async ready() {
    const { ready, checks } = await this.health.readiness();
    if (!ready) {
      throw new DomainError('SERVICE_UNAVAILABLE', 503, {}, { headers: { 'cache-control': 'no-store' }, extensions: { checks } });
    }
    return { status: 'ok', checks };
  }

  @Public()
  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({ summary: 'Prometheus metrics', description: 'Anyone who can reach the port; restrict it at the proxy.' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ schema: { type: 'string' } })
  async scrape(@Res({ passthrough: true }) reply: FastifyReply) {
    void reply.header('content-type', this.metrics.registry.contentType);
    return this.metrics.registry.metrics();
  }
}
