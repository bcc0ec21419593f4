import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditRepository } from '@lectern/audit/audit.repository';
import { Clock } from '@lectern/clock/clock';
import { AppConfig } from '@lectern/config/config';
import { APP_CONFIG } from '@lectern/config/config.module';
import { ReportStatus } from '@lectern/database/generated/enums';
import { TransactionHost } from '@lectern/database/transaction.host';
import { Language } from '@lectern/i18n/i18n';
import { EventRecord } from '@lectern/domains/events/events.repository';
import { decodeKeyset, keysetPage } from '@lectern/database/cursor';
import { ReportQueue } from './report.queue';
import { ReportErrors } from './reports.errors';
import { ReportRecord, ReportsRepository } from './reports.repository';
import { Actor, AuthUser } from '@lectern/domains/auth/auth.types';
import { EventAccess, isOrganiser } from '@lectern/domains/events/event-visibility.policy';
import { EventAccessService } from '@lectern/domains/events/event-access.service';
import { ReportView } from '@lectern/domains/reports/reports.types';

/** Who may see what: organisers (and administrators) every report of the edition, anyone else published ones. */
interface Viewer {
  event: EventRecord;
  organiser: boolean;
}

/** A download: the bytes, or only the confirmation that the caller's copy is current. */
export type Download =
  | { notModified: true; etag: string; cacheControl: string }
  | { notModified: false; etag: string; cacheControl: string; body: Buffer; filename: string };

/** A web edition with what a conditional request is answered from. */
export interface WebEdition {
  body: Buffer;
  etag: string;
  lastModified: Date;
  cacheControl: string;
}

const etagOf = (sha256: string) => `"${sha256}"`;

/** RFC 9110 If-None-Match: a list of (possibly weak) entity tags, or `*`. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

@Injectable()
export class ReportsService {
  private readonly logger = new Logger(ReportsService.name);

  constructor(
    private readonly access: EventAccessService,
    private readonly reports: ReportsRepository,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
    private readonly queue: ReportQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Queues a report of the edition, or returns the one already QUEUED or RUNNING: two requests never start two
   * jobs (the database lets one of them insert; the job id is the report's). The job is added after the commit;
   * if Redis refuses it, the report stays QUEUED and the worker's sweep adds it later.
   */
  async request(actor: Actor, access: EventAccess): Promise<ReportView> {
    const eventId = access.event.id;
    const threshold = this.config.reports.privacyThreshold;
    // a report that finishes between our insert attempt and our look-up frees the slot: then try again
    for (let attempt = 0; attempt < 3; attempt++) {
      const report = await this.tx.run(async () => {
        const id = await this.reports.createUnlessActive(eventId, actor.id, threshold);
        if (id) {
          await this.audit.record({
            eventId,
            actorId: actor.id,
            requestId: actor.requestId,
            action: 'report.requested',
            entityType: 'report',
            entityId: id,
            after: { privacyThreshold: threshold },
          });
        }
        return id ? this.reports.find(eventId, id) : this.reports.findActive(eventId);
      });
      if (!report) continue;
      if (report.status === ReportStatus.QUEUED) await this.enqueue(report.id);
      return this.view(access.event, report);
    }
    throw new Error(`could not queue a report for event ${eventId}`);
  }

  async list(slug: string, user: AuthUser | undefined, limit = 50, cursor?: string) {
    const viewer = await this.viewer(slug, user);
    const rows = await this.reports.listPage(viewer.event.id, !viewer.organiser, limit, decodeKeyset(cursor));
    const { page, nextCursor } = keysetPage(rows, limit, (row) => row.createdAt);
    return { items: page.map((row) => this.view(viewer.event, row)), nextCursor };
  }

  async get(slug: string, user: AuthUser | undefined, id: string): Promise<ReportView> {
    const viewer = await this.viewer(slug, user);
    return this.view(viewer.event, await this.visible(viewer, id));
  }

  async pdf(slug: string, user: AuthUser | undefined, id: string, language: Language, ifNoneMatch?: string): Promise<Download> {
    const viewer = await this.viewer(slug, user);
    const report = await this.ready(viewer, id);
    const file = report.files.find((f) => f.language === language);
    if (!file) throw ReportErrors.notFound(id);
    const etag = etagOf(file.sha256);
    const cacheControl = this.cacheControl(report);
    if (matchesEtag(ifNoneMatch, etag)) return { notModified: true, etag, cacheControl };
    const stored = await this.reports.filePdf(report.id, language);
    if (!stored) throw ReportErrors.notFound(id);
    return {
      notModified: false,
      etag: etagOf(stored.sha256),
      cacheControl,
      body: Buffer.from(stored.pdf),
      filename: `${viewer.event.slug}-transparency-report-${language}.pdf`,
    };
  }

  /** One language's web edition; a report produced before web editions existed has none (404, like a missing language). */
  async html(slug: string, user: AuthUser | undefined, id: string, language: Language): Promise<WebEdition> {
    const viewer = await this.viewer(slug, user);
    const report = await this.ready(viewer, id);
    const stored = await this.reports.fileHtml(report.id, language);
    if (!stored?.html || !stored.htmlSha256) throw ReportErrors.notFound(id);
    return {
      body: Buffer.from(stored.html, 'utf8'),
      etag: etagOf(stored.htmlSha256),
      // stored with the SUCCEEDED status, and never changed after
      lastModified: report.finishedAt as Date,
      cacheControl: this.cacheControl(report),
    };
  }

  async json(slug: string, user: AuthUser | undefined, id: string, ifNoneMatch?: string): Promise<Download> {
    const viewer = await this.viewer(slug, user);
    const report = await this.ready(viewer, id);
    const etag = etagOf(report.jsonSha256 as string);
    const cacheControl = this.cacheControl(report);
    if (matchesEtag(ifNoneMatch, etag)) return { notModified: true, etag, cacheControl };
    const stored = await this.reports.json(report.id);
    if (!stored?.reportJson || !stored.jsonSha256) throw ReportErrors.notFound(id);
    return {
      notModified: false,
      etag: etagOf(stored.jsonSha256),
      cacheControl,
      body: Buffer.from(stored.reportJson, 'utf8'),
      filename: `${viewer.event.slug}-transparency-report.json`,
    };
  }

  /** From now on anyone may download it. Publishing a published report changes nothing. */
  async publish(actor: Actor, access: EventAccess, id: string): Promise<ReportView> {
    return this.tx.run(async () => {
      const report = await this.reports.find(access.event.id, id);
      if (!report) throw ReportErrors.notFound(id);
      if (report.status !== ReportStatus.SUCCEEDED) throw ReportErrors.notReady(report.status);
      const published = await this.reports.publish(report.id, this.clock.now());
      if (!published) throw ReportErrors.notReady(report.status);
      if (published.changed) {
        await this.audit.record({
          eventId: access.event.id,
          actorId: actor.id,
          requestId: actor.requestId,
          action: 'report.published',
          entityType: 'report',
          entityId: report.id,
          after: { publishedAt: published.publishedAt },
        }, { type: 'report.published', payload: { eventId: access.event.id, reportId: report.id } });
      }
      return this.view(access.event, { ...report, publishedAt: published.publishedAt });
    });
  }

  private async enqueue(reportId: string): Promise<void> {
    try {
      await this.queue.enqueue([reportId]);
    } catch (error) {
      this.logger.warn(`report ${reportId} stays QUEUED until the sweep adds its job: ${(error as Error).message}`);
    }
  }

  /** Like the event itself: a draft edition is invisible to anyone without a role in it. */
  private async viewer(slug: string, user: AuthUser | undefined): Promise<Viewer> {
    const { event, roles } = await this.access.access(slug, user);
    return { event, organiser: isOrganiser(roles, user) };
  }

  /** An unpublished report does not exist for those who may not see it. */
  private async visible(viewer: Viewer, id: string): Promise<ReportRecord> {
    const report = await this.reports.find(viewer.event.id, id);
    if (!report || (!viewer.organiser && !report.publishedAt)) throw ReportErrors.notFound(id);
    return report;
  }

  private async ready(viewer: Viewer, id: string): Promise<ReportRecord> {
    const report = await this.visible(viewer, id);
    if (report.status !== ReportStatus.SUCCEEDED || !report.jsonSha256) throw ReportErrors.notReady(report.status);
    return report;
  }

  /** A report's files never change; before publication only its organisers' browsers may keep a copy. */
  private cacheControl(report: ReportRecord): string {
    return report.publishedAt ? 'public, max-age=3600' : 'private, no-cache';
  }

  private view(event: EventRecord, report: ReportRecord): ReportView {
    const base = `/v1/events/${event.slug}/reports/${report.id}`;
    const succeeded = report.status === ReportStatus.SUCCEEDED;
    return {
      id: report.id,
      eventSlug: event.slug,
      status: report.status,
      progress: report.progress,
      attempts: report.attempts,
      privacyThreshold: report.privacyThreshold,
      failureReason: report.failureReason,
      lastError: report.lastError,
      requestedAt: report.createdAt,
      startedAt: report.startedAt,
      finishedAt: report.finishedAt,
      generatedAt: report.generatedAt,
      publishedAt: report.publishedAt,
      files: succeeded
        ? report.files.map((f) => ({ language: f.language, sha256: f.sha256, sizeBytes: f.sizeBytes, url: `${base}/pdf?lang=${f.language}` }))
        : [],
      html: succeeded
        ? report.files.flatMap((f) =>
            f.htmlSha256 && f.htmlSizeBytes !== null ? [{ language: f.language, sha256: f.htmlSha256, sizeBytes: f.htmlSizeBytes, url: `${base}/html?lang=${f.language}` }] : [],
          )
        : [],
      json: succeeded && report.jsonSha256 ? { sha256: report.jsonSha256, url: `${base}/json` } : null,
    };
  }
}
