import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { EventRole } from '@lectern/database/generated/enums';
import { CurrentActor } from '@api/http/auth.decorators';
import { PageQueryDto } from '@api/http/pagination.dto';
import { ApiProblems } from '@api/http/problem.dto';
import { uuidParam } from '@api/http/uuid.pipe';
import { CurrentEvent, RequireEventRole } from '@api/events/event-access.guard';
import { CreateVoucherDto, UpdateVoucherDto, VoucherDto, VoucherPageDto } from './vouchers.dto';
import { VouchersService } from '@lectern/domains/registrations/vouchers.service';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { ApiTokenArea } from '@api/integrations/token-area.decorator';

@ApiTokenArea('registrations')
@ApiTags('registration')
@Controller({ path: 'events/:slug/vouchers', version: '1' })
export class VouchersController {
  constructor(private readonly vouchers: VouchersService) {}

  @Post()
  @RequireEventRole('Create a voucher for one ticket type', EventRole.ORGANISER)
  @ApiCreatedResponse({ type: VoucherDto })
  @ApiProblems(400, 401, 403, 404, 409)
  create(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: CreateVoucherDto) {
    return this.vouchers.create(actor, access, body);
  }

  @Get()
  @RequireEventRole('Vouchers with their uses, oldest first', EventRole.ORGANISER)
  @ApiOkResponse({ type: VoucherPageDto })
  @ApiProblems(400, 401, 403, 404)
  list(@CurrentEvent() access: EventAccess, @Query() query: PageQueryDto) {
    return this.vouchers.list(access, query.limit, query.cursor);
  }

  @Get(':id')
  @RequireEventRole('One voucher', EventRole.ORGANISER)
  @ApiOkResponse({ type: VoucherDto })
  @ApiProblems(400, 401, 403, 404)
  get(@CurrentEvent() access: EventAccess, @Param('id', uuidParam('id')) id: string) {
    return this.vouchers.get(access, id);
  }

  @Patch(':id')
  @RequireEventRole('Change a voucher’s limit or validity', EventRole.ORGANISER)
  @ApiOkResponse({ type: VoucherDto })
  @ApiProblems(400, 401, 403, 404, 409)
  update(
    @CurrentActor() actor: Actor,
    @CurrentEvent() access: EventAccess,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: UpdateVoucherDto,
  ) {
    return this.vouchers.update(actor, access, id, body);
  }
}
