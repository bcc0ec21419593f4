import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { EventRole } from '@lectern/database/generated/enums';
import { CurrentEvent, RequireEventRole } from '@api/events/event-access.guard';
import { CurrentActor } from '@api/http/auth.decorators';
import { ApiProblems } from '@api/http/problem.dto';
import { uuidParam } from '@api/http/uuid.pipe';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { ComposeService } from '@lectern/domains/notifications/compose.service';
import { EmailTemplatesService } from '@lectern/domains/notifications/email-templates.service';
import { HeldDecisionsService } from '@lectern/domains/notifications/held-decisions.service';
import { OVERRIDABLE_TEMPLATES } from '@lectern/mail/message-context';
import { NotificationDto } from './notifications.dto';
import {
  ComposeDto,
  ComposedMessageDto,
  ComposedMessageListDto,
  DryRunDto,
  EmailPreviewDto,
  EmailSettingsDto,
  EmailTemplateDto,
  EmailTemplateHistoryDto,
  EmailTemplateListDto,
  ReleaseHeldDto,
  ReleasedHeldDto,
  RewordHeldDto,
  SendComposedDto,
  TemplatePreviewDto,
  TemplateTextsDto,
} from './email.dto';

const TemplateParam = () => ApiParam({ name: 'template', enum: OVERRIDABLE_TEMPLATES, description: 'The message type' });

/** E-mail organisers control: their wording of each message type, messages they compose, held decisions. */
@ApiTags('e-mail')
@Controller({ path: 'events/:slug', version: '1' })
export class EmailController {
  constructor(
    private readonly templates: EmailTemplatesService,
    private readonly compose: ComposeService,
    private readonly held: HeldDecisionsService,
  ) {}

  @Get('email/templates')
  @RequireEventRole('Every message type with its placeholders and the edition’s wording, if it has one', EventRole.ORGANISER)
  @ApiOkResponse({ type: EmailTemplateListDto })
  listTemplates(@CurrentEvent() access: EventAccess) {
    return this.templates.list(access);
  }

  @Get('email/templates/:template')
  @TemplateParam()
  @RequireEventRole('One message type: its placeholders and the edition’s wording, if it has one', EventRole.ORGANISER)
  @ApiOkResponse({ type: EmailTemplateDto })
  @ApiProblems(404)
  getTemplate(@CurrentEvent() access: EventAccess, @Param('template') template: string) {
    return this.templates.get(access, template);
  }

  @Put('email/templates/:template')
  @TemplateParam()
  @RequireEventRole('Word a message type for the edition (a new version, in every language of the edition)', EventRole.ORGANISER)
  @ApiOkResponse({ type: EmailTemplateDto })
  @ApiProblems(400, 404, 422)
  updateTemplate(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Param('template') template: string, @Body() body: TemplateTextsDto) {
    return this.templates.update(actor, access, template, body);
  }

  @Delete('email/templates/:template')
  @TemplateParam()
  @RequireEventRole('Back to Lectern’s default wording (a new version; the history keeps the earlier ones)', EventRole.ORGANISER)
  @ApiOkResponse({ type: EmailTemplateDto })
  @ApiProblems(404)
  resetTemplate(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Param('template') template: string) {
    return this.templates.reset(actor, access, template);
  }

  @Get('email/templates/:template/versions')
  @TemplateParam()
  @RequireEventRole('Every version of the edition’s wording of a message type, newest first, with who made it', EventRole.ORGANISER)
  @ApiOkResponse({ type: EmailTemplateHistoryDto })
  @ApiProblems(404)
  templateHistory(@CurrentEvent() access: EventAccess, @Param('template') template: string) {
    return this.templates.history(access, template);
  }

  @Post('email/templates/:template/preview')
  @HttpCode(200)
  @TemplateParam()
  @RequireEventRole('The message as it would go out, with sample data: for a person of the edition, or in every language', EventRole.ORGANISER)
  @ApiOkResponse({ type: EmailPreviewDto })
  @ApiProblems(400, 404, 422)
  previewTemplate(@CurrentEvent() access: EventAccess, @Param('template') template: string, @Body() body: TemplatePreviewDto) {
    return this.templates.preview(access, template, body);
  }

  @Get('email/settings')
  @RequireEventRole('The edition’s e-mail settings', EventRole.ORGANISER)
  @ApiOkResponse({ type: EmailSettingsDto })
  settings(@CurrentEvent() access: EventAccess) {
    return this.held.settings(access);
  }

  @Put('email/settings')
  @RequireEventRole('Change the edition’s e-mail settings (hold decision e-mails for review)', EventRole.ORGANISER)
  @ApiOkResponse({ type: EmailSettingsDto })
  @ApiProblems(400)
  updateSettings(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: EmailSettingsDto) {
    return this.held.updateSettings(actor, access, body);
  }

  @Post('messages')
  @RequireEventRole('Write a message to an audience of the edition (sent only by …/send)', EventRole.ORGANISER)
  @ApiCreatedResponse({ type: ComposedMessageDto })
  @ApiProblems(400, 422)
  createMessage(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: ComposeDto) {
    return this.compose.create(actor, access, body);
  }

  @Get('messages')
  @RequireEventRole('Messages organisers composed, with each send’s progress', EventRole.ORGANISER)
  @ApiOkResponse({ type: ComposedMessageListDto })
  listMessages(@CurrentEvent() access: EventAccess) {
    return this.compose.list(access);
  }

  @Get('messages/:messageId')
  @RequireEventRole('A composed message with each send’s progress (pending, sent, failed)', EventRole.ORGANISER)
  @ApiOkResponse({ type: ComposedMessageDto })
  @ApiProblems(400, 404)
  getMessage(@CurrentEvent() access: EventAccess, @Param('messageId', uuidParam('messageId')) messageId: string) {
    return this.compose.get(access, messageId);
  }

  @Get('messages/:messageId/dry-run')
  @RequireEventRole('Who the message would reach now: how many, in which languages, and a sample', EventRole.ORGANISER)
  @ApiOkResponse({ type: DryRunDto })
  @ApiProblems(400, 404)
  dryRun(@CurrentEvent() access: EventAccess, @Param('messageId', uuidParam('messageId')) messageId: string) {
    return this.compose.dryRun(access, messageId);
  }

  @Post('messages/:messageId/send')
  @HttpCode(202)
  @RequireEventRole('Send the message to its audience, each person once; a second send needs "again": true', EventRole.ORGANISER)
  @ApiAcceptedResponse({ type: ComposedMessageDto, description: 'Queued; the worker resolves the audience and sends' })
  @ApiProblems(400, 404, 409, 422)
  send(
    @CurrentActor() actor: Actor,
    @CurrentEvent() access: EventAccess,
    @Param('messageId', uuidParam('messageId')) messageId: string,
    @Body() body: SendComposedDto,
  ) {
    return this.compose.send(actor, access, messageId, body.again === true);
  }

  @Put('notifications/:notificationId/wording')
  @RequireEventRole('Reword one held decision e-mail for its recipient', EventRole.ORGANISER)
  @ApiOkResponse({ type: NotificationDto })
  @ApiProblems(400, 404, 409, 422)
  rewordHeld(
    @CurrentActor() actor: Actor,
    @CurrentEvent() access: EventAccess,
    @Param('notificationId', uuidParam('notificationId')) notificationId: string,
    @Body() body: RewordHeldDto,
  ) {
    return this.held.reword(actor, access, notificationId, body);
  }

  @Post('notifications/held/release')
  @HttpCode(200)
  @RequireEventRole('Send the held decision e-mails: all, or those about one track’s proposals', EventRole.ORGANISER)
  @ApiOkResponse({ type: ReleasedHeldDto })
  @ApiProblems(400, 409, 422)
  releaseHeld(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: ReleaseHeldDto) {
    return this.held.release(actor, access, body.track);
  }
}
