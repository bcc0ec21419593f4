import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { EventsModule } from '../events/events.module';
import { VisibleEventGuard } from './cfp-access.guard';
import { CfpController } from './cfp.controller';
import { CfpRepository } from './cfp.repository';
import { CfpService } from './cfp.service';
import { SpeakersController } from './speakers.controller';
import { SubmissionsController } from './submissions.controller';
import { SubmissionsRepository } from './submissions.repository';
import { SubmissionsService } from './submissions.service';

@Module({
  imports: [AuthModule, EventsModule],
  controllers: [CfpController, SubmissionsController, SpeakersController],
  providers: [CfpService, CfpRepository, SubmissionsService, SubmissionsRepository, VisibleEventGuard],
  exports: [CfpService, CfpRepository, SubmissionsService, SubmissionsRepository],
})
export class CfpModule {}
