import { Module } from '@nestjs/common';
import { AuthModule } from '@lectern/domains/auth/auth.module';
import { EventsModule } from '@lectern/domains/events/events.module';
import { CfpService } from './cfp.service';
import { CfpRepository } from './cfp.repository';
import { SubmissionsService } from './submissions.service';
import { SubmissionDetailsService } from './submission-details.service';
import { SubmissionListingService } from './submission-listing.service';
import { InvitationsService } from './invitations.service';
import { InvitedSessionsService } from './invited-sessions.service';
import { CfpRulesService } from './cfp-rules.service';
import { SubmissionsRepository } from './submissions.repository';
import { SharedCfpRepository } from './shared-cfp.repository';
import { SharedCfpService } from './shared-cfp.service';

/**
 * The call for proposals: settings, formats, tracks, questions, submissions and invited sessions.
 * Imported by the API's HTTP module and by the worker alike.
 */
@Module({
  imports: [AuthModule, EventsModule],
  providers: [
    CfpRulesService,
    CfpService,
    CfpRepository,
    SubmissionsService,
    SubmissionDetailsService,
    SubmissionListingService,
    InvitationsService,
    InvitedSessionsService,
    SubmissionsRepository,
    SharedCfpRepository,
    SharedCfpService,
  ],
  exports: [
    CfpService,
    CfpRepository,
    SubmissionsService,
    SubmissionDetailsService,
    SubmissionListingService,
    InvitationsService,
    InvitedSessionsService,
    SubmissionsRepository,
    SharedCfpService,
  ],
})
export class CfpModule {}
