import { randomBytes, randomUUID } from 'node:crypto';
import { RegistrationState, VoucherDiscount } from '@lectern/database/generated/enums';
import { RegistrationErrors } from './registrations.errors';
import { RegistrationRow, SelfDescribed } from './registrations.repository';
import { SELF_DESCRIBED_FIELDS } from './registrations.types';
import { VoucherRecord } from './vouchers.repository';

/** The ticket's price once the voucher's discount applies; never below zero. */
export function priceAfter(priceCents: number, voucher: VoucherRecord | null): number {
  if (!voucher) return priceCents;
  if (voucher.discount === VoucherDiscount.FREE) return 0;
  if (voucher.discount === VoucherDiscount.PERCENT) return Math.round((priceCents * (100 - voucher.discountValue)) / 100);
  return Math.max(0, priceCents - voucher.discountValue);
}

/** The self-described values sent; refused unless the (resulting) consent is given. */
export function selfDescribedOf(input: SelfDescribed, consent: boolean): SelfDescribed {
  const given = SELF_DESCRIBED_FIELDS.filter((field) => input[field] !== undefined);
  if (!consent) {
    const sent = given.filter((field) => input[field] !== null);
    if (sent.length > 0) throw RegistrationErrors.consentRequired(sent);
    return {};
  }
  return Object.fromEntries(given.map((field) => [field, input[field]]));
}

export type NewRegistration = Pick<
  RegistrationRow,
  'eventId' | 'userId' | 'ticketTypeId' | 'voucherId' | 'state' | 'attendeeName' | 'attendeeEmail' | 'priceCents' | 'currency' | 'consentToReport'
> &
  SelfDescribed;

/** A new registration's id and badge token. */
export function newRegistrationIdentity(): Pick<RegistrationRow, 'id' | 'badgeToken'> {
  return { id: randomUUID(), badgeToken: randomBytes(24).toString('base64url') };
}

/** A new registration's row: a fresh id and badge (unless given), no self-described answer unless given, its state's time `now`. */
export function newRegistrationRow(fields: NewRegistration, now: Date, identity = newRegistrationIdentity()): RegistrationRow {
  return {
    id: identity.id,
    badgeToken: identity.badgeToken,
    country: null,
    companyName: null,
    companySize: null,
    jobFunction: null,
    industry: null,
    firstTimeAttendee: null,
    gender: null,
    ...fields,
    attendeeEmail: fields.attendeeEmail.toLowerCase(),
    waitlistedAt: fields.state === RegistrationState.WAITLISTED ? now : null,
    confirmedAt: fields.state === RegistrationState.CONFIRMED ? now : null,
    createdAt: now,
  };
}
