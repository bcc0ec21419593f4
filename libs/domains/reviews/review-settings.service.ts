import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@lectern/audit/audit.repository';
import { Clock } from '@lectern/clock/clock';
import { parseZonedDateTime, toZonedIso } from '@lectern/clock/zoned-time';
import { TransactionHost } from '@lectern/database/transaction.host';
import { CommonErrors, FieldError } from '@lectern/errors/domain.error';
import { CONFIRMATION_DEFAULTS } from './confirmation.policy';
import { CriterionWrite, ReviewSettingsRecord, ReviewSettingsRepository, ReviewSettingsWrite } from './review-settings.repository';
import { ReviewErrors } from './reviews.errors';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { PutReviewSettingsInput } from '@lectern/domains/reviews/review-settings.types';
import { assertLocalizedTexts } from '@lectern/errors/localized-text.errors';
import { messageIn } from '@lectern/i18n/i18n';
import { localizedText, optionalLocalizedText } from '@lectern/i18n/localized-text';

const DEFAULT_CRITERIA = [
  { key: 'relevance', weight: 2 },
  { key: 'clarity', weight: 1 },
  { key: 'originality', weight: 1 },
  { key: 'expertise', weight: 1 },
];

/** The criteria a new review form starts with, named in the edition's languages; relevance to the event counts double. */
export function defaultCriteria(languages: readonly string[]): CriterionWrite[] {
  return DEFAULT_CRITERIA.map((c, position) => ({ ...c, name: messageIn(`defaults:criteria.${c.key}`, languages), description: null, position }));
}

/** Confidence a reviewer states with a review: 1 low, 2 medium, 3 high (the weight in the calibrated score). */
export const CONFIDENCE_LEVELS = [1, 2, 3];

export type ReviewWindow = Pick<ReviewSettingsRecord, 'opensAt' | 'closesAt'>;

export function isReviewOpen(window: ReviewWindow, now: Date): boolean {
  return now.getTime() >= window.opensAt.getTime() && now.getTime() <= window.closesAt.getTime();
}

/** Reviews are written and edited from the opening instant to the closing one, both included. */
export function assertReviewOpen(window: ReviewWindow, timezone: string, now: Date): void {
  if (now.getTime() < window.opensAt.getTime()) throw ReviewErrors.notOpenYet(toZonedIso(window.opensAt, timezone), timezone);
  if (now.getTime() > window.closesAt.getTime()) throw ReviewErrors.closed(toZonedIso(window.closesAt, timezone), timezone);
}

/** A criterion as shown, and as compared to tell whether a change touches the criteria. */
const criterionView = (c: Omit<CriterionWrite, 'name' | 'description'> & { name: unknown; description: unknown }) => ({
  key: c.key,
  name: localizedText(c.name),
  description: optionalLocalizedText(c.description),
  weight: c.weight,
  position: c.position,
});

@Injectable()
export class ReviewSettingsService {
  constructor(
    private readonly settings: ReviewSettingsRepository,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
  ) {}

  /** The settings, or the 404 every review route answers before an organiser has set them up. */
  async require(access: EventAccess): Promise<ReviewSettingsRecord> {
    const found = await this.settings.find(access.event.id);
    if (!found) throw ReviewErrors.notConfigured(access.event.slug);
    return found;
  }

  async get(access: EventAccess) {
    return this.view(access, await this.require(access));
  }

  /** Creates or replaces the settings; criteria and scale are frozen once the first review exists. */
  async put(actor: Actor, access: EventAccess, input: PutReviewSettingsInput) {
    const timezone = access.event.timezone;
    const opensAt = this.instant(input.opensAt, 'opensAt', timezone);
    const closesAt = this.instant(input.closesAt, 'closesAt', timezone);
    if (closesAt.getTime() <= opensAt.getTime()) throw ReviewErrors.windowInvalid();
    const write: ReviewSettingsWrite = {
      scaleMin: input.scaleMin ?? 1,
      scaleMax: input.scaleMax ?? 5,
      reviewsPerSubmission: input.reviewsPerSubmission ?? 3,
      anonymised: input.anonymised ?? true,
      promoteFromWaitlist: input.promoteFromWaitlist ?? true,
      confirmationDays: input.confirmationDays ?? CONFIRMATION_DEFAULTS.days,
      confirmationReminderDays: input.confirmationReminderDays ?? CONFIRMATION_DEFAULTS.reminderDays,
      opensAt,
      closesAt,
    };
    if (write.scaleMax <= write.scaleMin) throw ReviewErrors.scaleInvalid();
    // a reminder due as early as the acceptance itself would only repeat the acceptance message
    if (write.confirmationReminderDays >= write.confirmationDays) throw ReviewErrors.confirmationWindowInvalid(write.confirmationDays);
    const criteria = input.criteria?.map((c, position) => ({
      key: c.key,
      name: c.name,
      description: c.description ?? null,
      weight: c.weight,
      position,
    }));
    if (criteria) this.checkCriteria(criteria);
    if (criteria) {
      assertLocalizedTexts(
        access.event.series.languages,
        Object.fromEntries(criteria.flatMap((c, i) => [[`criteria.${i}.name`, c.name], [`criteria.${i}.description`, c.description]])),
      );
    }

    await this.tx.run(async () => {
      await this.settings.lock(access.event.id);
      const before = await this.settings.find(access.event.id);
      const next = criteria ?? (before ? null : defaultCriteria(access.event.series.languages));
      const criteriaChange = next !== null && (!before || JSON.stringify(before.criteria.map(criterionView)) !== JSON.stringify(next.map(criterionView)));
      const scaleChange = before !== null && (before.scaleMin !== write.scaleMin || before.scaleMax !== write.scaleMax);
      if (before && (criteriaChange || scaleChange) && (await this.settings.hasReviews(access.event.id))) {
        throw ReviewErrors.criteriaLocked();
      }
      await this.settings.upsert(access.event.id, write);
      if (next && criteriaChange) await this.settings.replaceCriteria(access.event.id, next);
      const after = await this.settings.find(access.event.id);
      await this.audit.record({
        eventId: access.event.id,
        actorId: actor.id,
        requestId: actor.requestId,
        action: before ? 'review.settings_updated' : 'review.settings_created',
        entityType: 'review_settings',
        entityId: access.event.id,
        before: before ? this.auditView(before) : null,
        after: after ? this.auditView(after) : null,
      });
    });
    return this.get(access);
  }

  private view(access: EventAccess, s: ReviewSettingsRecord) {
    const timezone = access.event.timezone;
    return {
      eventSlug: access.event.slug,
      timezone,
      scaleMin: s.scaleMin,
      scaleMax: s.scaleMax,
      reviewsPerSubmission: s.reviewsPerSubmission,
      anonymised: s.anonymised,
      promoteFromWaitlist: s.promoteFromWaitlist,
      confirmationDays: s.confirmationDays,
      confirmationReminderDays: s.confirmationReminderDays,
      opensAt: s.opensAt,
      opensAtLocal: toZonedIso(s.opensAt, timezone),
      closesAt: s.closesAt,
      closesAtLocal: toZonedIso(s.closesAt, timezone),
      isOpen: isReviewOpen(s, this.clock.now()),
      criteria: s.criteria.map(criterionView),
      confidenceLevels: CONFIDENCE_LEVELS,
    };
  }

  private auditView(s: ReviewSettingsRecord) {
    const { criteria, updatedAt: _updatedAt, eventId: _eventId, ...rest } = s;
    return { ...rest, criteria: criteria.map(criterionView) };
  }

  private checkCriteria(criteria: CriterionWrite[]) {
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    criteria.forEach((c, i) => {
      if (seen.has(c.key)) errors.push({ field: `criteria.${i}.key`, code: 'invalid' });
      seen.add(c.key);
    });
    if (errors.length > 0) throw ReviewErrors.criteriaInvalid(errors);
  }

  private instant(text: string, field: string, timezone: string): Date {
    const instant = parseZonedDateTime(text, timezone);
    if (!instant) throw CommonErrors.validation([{ field, code: 'isIso8601' }]);
    return instant;
  }
}

