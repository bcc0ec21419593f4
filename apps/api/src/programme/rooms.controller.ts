import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { EventRole } from '@lectern/database/generated/enums';
import { CurrentActor, Public } from '@api/http/auth.decorators';
import { ApiProblems } from '@api/http/problem.dto';
import { uuidParam } from '@api/http/uuid.pipe';
import { CurrentEvent, ForEventVisitors, RequireEventRole } from '@api/events/event-access.guard';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { RoomsService } from '@lectern/domains/programme/rooms.service';
import { CreateBlockDto, CreateRoomDto, PutScheduleDaysDto, RoomDto, ScheduleBlockDto, ScheduleDaysDto, UpdateRoomDto } from './programme.dto';

@ApiTags('programme')
@Controller({ path: 'events/:slug', version: '1' })
export class RoomsController {
  constructor(private readonly rooms: RoomsService) {}

  @Public()
  @Get('rooms')
  @ForEventVisitors('The edition’s rooms, in order', 'Anyone may read them for a published event; for a draft event, only people with a role in it.')
  @ApiOkResponse({ type: [RoomDto] })
  list(@CurrentEvent() access: EventAccess) {
    return this.rooms.rooms(access);
  }

  @Post('rooms')
  @RequireEventRole('Add a room', EventRole.ORGANISER)
  @ApiCreatedResponse({ type: RoomDto })
  @ApiProblems(400, 409)
  create(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: CreateRoomDto) {
    return this.rooms.createRoom(actor, access, body);
  }

  @Patch('rooms/:room')
  @RequireEventRole('Change a room', EventRole.ORGANISER)
  @ApiOkResponse({ type: RoomDto })
  @ApiProblems(400)
  update(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Param('room') room: string, @Body() body: UpdateRoomDto) {
    return this.rooms.updateRoom(actor, access, room, body);
  }

  @Delete('rooms/:room')
  @HttpCode(204)
  @RequireEventRole('Delete a room no session is placed in (its blocks go with it)', EventRole.ORGANISER)
  @ApiNoContentResponse()
  @ApiProblems(409)
  async remove(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Param('room') room: string) {
    await this.rooms.deleteRoom(actor, access, room);
  }

  @Public()
  @Get('schedule/days')
  @ForEventVisitors(
    'The edition’s days and hours in its time zone',
    'Anyone may read them for a published event. Without days set by organisers, each local date from the edition’s start to its end, open from the start’s time of day to the end’s.',
  )
  @ApiOkResponse({ type: ScheduleDaysDto })
  days(@CurrentEvent() access: EventAccess) {
    return this.rooms.days(access);
  }

  @Put('schedule/days')
  @RequireEventRole('Set the edition’s days and their hours (local times in the event’s time zone)', EventRole.ORGANISER)
  @ApiOkResponse({ type: ScheduleDaysDto })
  @ApiProblems(400)
  putDays(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: PutScheduleDaysDto) {
    return this.rooms.putDays(actor, access, body);
  }

  @Get('schedule/blocks')
  @RequireEventRole('Blocks that are not talks: breaks, lunch, set-up, co-located events', EventRole.ORGANISER)
  @ApiOkResponse({ type: [ScheduleBlockDto] })
  blocks(@CurrentEvent() access: EventAccess) {
    return this.rooms.blocks(access);
  }

  @Post('schedule/blocks')
  @RequireEventRole('Add a block that is not a talk, in one room or all', EventRole.ORGANISER)
  @ApiCreatedResponse({ type: ScheduleBlockDto })
  @ApiProblems(400)
  createBlock(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: CreateBlockDto) {
    return this.rooms.createBlock(actor, access, body);
  }

  @Delete('schedule/blocks/:blockId')
  @HttpCode(204)
  @RequireEventRole('Delete a block', EventRole.ORGANISER)
  @ApiNoContentResponse()
  @ApiProblems(400)
  async deleteBlock(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Param('blockId', uuidParam('blockId')) blockId: string) {
    await this.rooms.deleteBlock(actor, access, blockId);
  }
}
