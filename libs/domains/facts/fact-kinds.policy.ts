import { EventFactKind } from '@lectern/database/generated/enums';
import { DomainError } from '@lectern/errors/domain.error';
import { FactErrors } from './facts.errors';
import { FactData, FactRecords, FactTable } from './facts.repository';
import {
  CreateCommunityPartnerInput,
  CreateEventFactInput,
  CreateMediaAccreditationInput,
  CreateSponsorInput,
  UpdateCommunityPartnerInput,
  UpdateEventFactInput,
  UpdateMediaAccreditationInput,
  UpdateSponsorInput,
} from './facts.types';
import { assertLocalizedTexts } from '@lectern/errors/localized-text.errors';
import { localizedText } from '@lectern/i18n/localized-text';

/** Everything that tells one kind of organiser-entered fact from another; FactsService does the rest alike. */
export interface FactKind<T extends FactTable, Create, Update, View> {
  table: T;
  /** The audit log's entity type; the actions are `<entityType>.created`, `.updated` and `.deleted`. */
  entityType: string;
  notFound: () => DomainError;
  /** For kinds whose names are unique per event: the refusal of a name already taken. */
  nameTaken?: (row: FactData<T>) => DomainError;
  /** The row a creation writes; optional fields left out are null. */
  created: (input: Create) => FactData<T>;
  /** What an update writes: only the fields the PATCH sent (null clears one), as stored. */
  changed: (input: Update) => Partial<FactData<T>>;
  /** Refuses a row the kind does not allow, as created or as an update would leave it. */
  /** Refuses a row that breaks the kind's rules; `languages` are the edition's, which its texts must keep to. */
  check?: (row: FactData<T>, languages: readonly string[]) => void;
  /** What the API returns and the audit log keeps. */
  view: (row: FactRecords[T]) => View;
}

const factKind = <T extends FactTable, Create, Update, View>(kind: FactKind<T, Create, Update, View>) => kind;

/** Keeps only the fields a PATCH actually sent (null included, to clear), so absent ones are left alone. */
function sent<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;
}

const day = (value: string | null | undefined) => (value === undefined ? undefined : value === null ? null : new Date(`${value}T00:00:00Z`));

export const SPONSORS = factKind({
  table: 'sponsor',
  entityType: 'sponsor',
  notFound: FactErrors.sponsorNotFound,
  nameTaken: (row) => FactErrors.sponsorExists(row.name),
  created: (input: CreateSponsorInput) => ({ name: input.name, tier: input.tier, website: input.website ?? null }),
  changed: (input: UpdateSponsorInput) => sent(input),
  view: (row) => row,
});

export const COMMUNITY_PARTNERS = factKind({
  table: 'communityPartner',
  entityType: 'community_partner',
  notFound: FactErrors.partnerNotFound,
  nameTaken: (row) => FactErrors.partnerExists(row.name),
  created: (input: CreateCommunityPartnerInput) => ({ name: input.name, website: input.website ?? null }),
  changed: (input: UpdateCommunityPartnerInput) => sent(input),
  view: (row) => row,
});

export const MEDIA_ACCREDITATIONS = factKind({
  table: 'mediaAccreditation',
  entityType: 'media_accreditation',
  notFound: FactErrors.accreditationNotFound,
  created: (input: CreateMediaAccreditationInput) => ({ name: input.name, outlet: input.outlet, kind: input.kind, language: input.language }),
  changed: (input: UpdateMediaAccreditationInput) => sent(input),
  view: (row) => row,
});

/** Figures, press clippings and notes: a figure always has its value, and the report marks them as entered. */
export const EVENT_FACTS = factKind({
  table: 'eventFact',
  entityType: 'event_fact',
  notFound: FactErrors.factNotFound,
  created: (input: CreateEventFactInput) => ({
    kind: input.kind,
    label: input.label,
    value: input.value ?? null,
    unit: input.unit ?? null,
    source: input.source ?? null,
    url: input.url ?? null,
    publishedOn: day(input.publishedOn) ?? null,
    language: input.language ?? null,
  }),
  changed: (input: UpdateEventFactInput) => {
    const { publishedOn, ...rest } = sent(input);
    return publishedOn === undefined ? rest : { ...rest, publishedOn: day(publishedOn) };
  },
  check: (row, languages) => {
    assertLocalizedTexts(languages, { label: localizedText(row.label), unit: row.unit === null ? null : localizedText(row.unit) });
    if (row.kind === EventFactKind.FIGURE && row.value === null) throw FactErrors.figureNeedsValue();
  },
  view: (row) => ({ ...row, publishedOn: row.publishedOn ? row.publishedOn.toISOString().slice(0, 10) : null, enteredByOrganisers: true as const }),
});
