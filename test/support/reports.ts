import { Language } from '@lectern/i18n/i18n';
import { TransparencyReport } from '@reports/report.model';
import { ReportDto } from '@api/reports/reports.dto';
import { Wire } from './api-types';
import { Http } from './harness';

export type ReportBody = Wire<ReportDto>;
import { waitUntil } from './smtp-sink';

/** Polls a report's status through the API until `done` holds; returns the last view. */
export async function waitForReport(
  http: Http,
  slug: string,
  id: string,
  token: string | undefined,
  done: (report: ReportBody) => boolean,
  timeoutMs = 60_000,
): Promise<ReportBody> {
  let last: ReportBody | undefined;
  await waitUntil(
    async () => {
      const response = await http.get<ReportBody>(`/v1/events/${slug}/reports/${id}`, { token });
      if (response.status !== 200) throw new Error(`report status: ${response.status} ${response.text}`);
      last = response.body;
      return done(response.body);
    },
    timeoutMs,
    `report ${id} to reach the expected state`,
  );
  return last!;
}

export const finished = (report: { status: string }) => report.status === 'SUCCEEDED' || report.status === 'FAILED';

/** Every number in the report JSON, formatted the way a reader of that edition sees it. */
export function printedNumbers(report: TransparencyReport, language: Language) {
  const found: { path: string; text: string }[] = [];
  const integer = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
  const walk = (value: unknown, path: string, key: string) => {
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
    if (typeof value === 'number') {
      const text = key === 'percent' || key.endsWith('Percent') ? percent.format(Math.abs(value) / 100) : integer.format(Math.abs(value));
      found.push({ path, text });
      return;
    }
    if (Array.isArray(value)) return value.forEach((item, i) => walk(item, `${path}[${i}]`, key));
    const record = value as Record<string, unknown>;
    if (typeof record.currency === 'string' && typeof record.minor === 'number') {
      const plain = new Intl.NumberFormat(language, { style: 'currency', currency: record.currency });
      const digits = plain.resolvedOptions().maximumFractionDigits ?? 2;
      const money = new Intl.NumberFormat(language, {
        style: 'currency',
        currency: record.currency,
        trailingZeroDisplay: 'stripIfInteger',
      } as Intl.NumberFormatOptions);
      found.push({ path, text: money.format(record.minor / 10 ** digits) });
      return;
    }
    for (const [k, v] of Object.entries(record)) walk(v, path ? `${path}.${k}` : k, k);
  };
  walk(report, '', '');
  return found;
}
