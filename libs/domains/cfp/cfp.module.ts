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
  ],
})
export class CfpModule {}
