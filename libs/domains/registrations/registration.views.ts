import { RegistrationState } from '@lectern/database/generated/enums';
import { RegistrationRecord, SelfDescribed } from './registrations.repository';

type SummaryFields = Omit<
  RegistrationRecord,
  'eventId' | 'userId' | 'ticketTypeId' | 'voucherId' | 'badgeToken' | 'consentToReport' | keyof SelfDescribed
>;

/** What organisers see of a registration: never the badge nor the self-described data. */
export function toSummaryView(r: SummaryFields) {
  return {
    id: r.id,
    ticketType: r.ticketType,
    state: r.state,
    attendeeName: r.attendeeName,
    attendeeEmail: r.attendeeEmail,
    priceCents: r.priceCents,
    currency: r.currency,
    paidAt: r.paidAt,
    waitlistedAt: r.waitlistedAt,
    offerExpiresAt: r.offerExpiresAt,
    confirmedAt: r.confirmedAt,
    cancelledAt: r.cancelledAt,
    cancelReason: r.cancelReason,
    createdAt: r.createdAt,
  };
}

/** The owner's view: the badge while confirmed, and the self-described data they gave. */
export function toOwnerView(r: RegistrationRecord) {
  return {
    ...toSummaryView(r),
    eventId: r.eventId,
    badgeToken: r.state === RegistrationState.CONFIRMED ? r.badgeToken : null,
    consentToReport: r.consentToReport,
    selfDescribed: r.consentToReport
      ? {
          country: r.country,
          companyName: r.companyName,
          companySize: r.companySize,
          jobFunction: r.jobFunction,
          industry: r.industry,
          firstTimeAttendee: r.firstTimeAttendee,
          gender: r.gender,
        }
      : null,
  };
}
