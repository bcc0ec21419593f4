import { LocalizedText } from '@lectern/i18n/localized-text';

/** Organisers' wording of a message type: subject and body in every language of the edition. */
export interface TemplateTextsInput {
  subject: LocalizedText;
  body: LocalizedText;
}

export interface TemplatePreviewInput {
  /** An unsaved wording to try; without it, the one in force (or the default). */
  subject?: LocalizedText;
  body?: LocalizedText;
  /** A person of the edition to preview for (their name and language); without it, sample data in every language. */
  recipientUserId?: string;
}

/**
 * Who a composed message goes to: the union of the groups given, each person once. Within a group, every filter
 * given must hold (an empty or absent list does not filter).
 */
export interface AudienceInput {
  speakers?: {
    /** Proposal states; without them every proposal that was submitted (not drafts). */
    states?: string[];
    /** Track slugs of this edition. */
    tracks?: string[];
    /** Session format slugs of this edition. */
    formats?: string[];
  };
  attendees?: {
    /** Ticket type ids of this edition (or of the co-located events named). */
    ticketTypes?: string[];
    /** IN_PERSON or VIRTUAL tickets. */
    attendance?: string[];
    /** Registration states; CONFIRMED without them. */
    states?: string[];
    /** Only those checked in (true) or not yet (false). */
    checkedIn?: boolean;
    /** Slugs of co-located events of this edition: their attendees instead of this edition's. */
    colocatedEvents?: string[];
  };
  /** People holding a scholarship award (offered or accepted). */
  scholarshipRecipients?: boolean;
  reviewers?: boolean;
  /** The scholarship committee. */
  committee?: boolean;
}

export interface ComposeInput {
  subject: LocalizedText;
  body: LocalizedText;
  audience: AudienceInput;
}
