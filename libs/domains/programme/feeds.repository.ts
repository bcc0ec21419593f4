import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@lectern/database/transaction.host';
import { ReleasedVersion } from './feeds.history';
import { ReleasedSession } from './release.policy';

/** What the feeds read besides the programme's own repository: every released version, for the history. */
@Injectable()
export class FeedsRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** The releases up to `version`, oldest first (the feeds of one version never depend on a later one). */
  async releasedVersions(eventId: string, upTo: number): Promise<ReleasedVersion[]> {
    const rows = await this.tx.db.scheduleRelease.findMany({
      where: { eventId, version: { lte: upTo } },
      select: { version: true, sessions: true },
      orderBy: { version: 'asc' },
    });
    return rows.map((row) => ({ version: row.version, sessions: row.sessions as unknown as ReleasedSession[] }));
  }
}
