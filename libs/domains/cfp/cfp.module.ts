import { Module } from '@nestjs/common';
import { AuthModule } from '@lectern/domains/auth/auth.module';
import { EventsModule } from '@lectern/domains/events/events.module';
import { CfpService } from './cfp.service';
import { CfpRepository } from './cfp.repository';
import { SubmissionsService } from './submissions.service';
import { SubmissionsRepository } from './submissions.repository';

/**
 * The call for proposals: settings, formats, tracks, questions, submissions and invited sessions.
 * Imported by the API's HTTP module and by the worker alike.
 */
@Module({
  imports: [AuthModule, EventsModule],
  providers: [
    CfpService,
    CfpRepository,
    SubmissionsService,
    SubmissionsRepository,
  ],
  exports: [
    CfpService,
    CfpRepository,
    SubmissionsService,
    SubmissionsRepository,
  ],
})
export class CfpModule {}
