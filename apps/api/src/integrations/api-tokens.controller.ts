import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EventRole } from '@lectern/database/generated/enums';
import { CurrentActor } from '@api/http/auth.decorators';
import { ApiProblems } from '@api/http/problem.dto';
import { uuidParam } from '@api/http/uuid.pipe';
import { CurrentEvent, RequireEventRole } from '@api/events/event-access.guard';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { ApiTokenRecord } from '@lectern/domains/integrations/api-tokens.repository';
import { ApiTokensService } from '@lectern/domains/integrations/api-tokens.service';
import { ApiTokenDto, CreateApiTokenDto, CreatedApiTokenDto } from './api-tokens.dto';

const view = ({ event, series, ...token }: ApiTokenRecord): ApiTokenDto => ({
  ...token,
  eventSlug: event?.slug ?? null,
  seriesSlug: series?.slug ?? null,
});

/** Managing tokens needs a person's own session: API tokens are refused here (no area). */
@ApiTags('integrations')
@Controller({ version: '1' })
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Post('me/api-tokens')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Create an API token (the secret is in this response only)',
    description:
      'For an edition where the caller holds a role, or a series where they hold one in some edition; a ' +
      'CHECKIN_DEVICE token needs check-in staff or organiser. The token acts as its creator, within its scopes, ' +
      'with the roles the creator holds when it is used.',
  })
  @ApiCreatedResponse({ type: CreatedApiTokenDto })
  @ApiProblems(400, 401, 403, 404)
  async create(@CurrentActor() actor: Actor, @Body() body: CreateApiTokenDto): Promise<CreatedApiTokenDto> {
    const { token, secret } = await this.tokens.create(actor, body);
    return { ...view(token), secret };
  }

  @Get('me/api-tokens')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'My API tokens, newest first, with their last use' })
  @ApiOkResponse({ type: [ApiTokenDto] })
  @ApiProblems(401, 403)
  async listMine(@CurrentActor() actor: Actor): Promise<ApiTokenDto[]> {
    return (await this.tokens.listMine(actor)).map(view);
  }

  @Delete('me/api-tokens/:id')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Revoke one of my API tokens; it fails from its next request on' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404)
  async revokeMine(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<void> {
    await this.tokens.revoke(actor, id);
  }

  @Get('events/:slug/api-tokens')
  @RequireEventRole('Every API token of the edition, whoever created it', EventRole.ORGANISER)
  @ApiOkResponse({ type: [ApiTokenDto] })
  async listOfEvent(@CurrentEvent() access: EventAccess): Promise<ApiTokenDto[]> {
    return (await this.tokens.listOfEvent(access)).map(view);
  }

  @Delete('events/:slug/api-tokens/:id')
  @HttpCode(204)
  @RequireEventRole('Revoke any API token of the edition (a lost scanner, a volunteer who left)', EventRole.ORGANISER)
  @ApiNoContentResponse()
  @ApiProblems(400)
  async revokeOfEvent(
    @CurrentActor() actor: Actor,
    @CurrentEvent() access: EventAccess,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<void> {
    await this.tokens.revoke(actor, id, access);
  }
}
