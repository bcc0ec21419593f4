import { Language } from '@lectern/i18n/i18n';
import { Money } from '@reports/report.model';

/**
 * Number, percentage, money, date, country, language and list formatting for one report edition, all through Intl
 * so each edition follows its locale's conventions ("1,234", "2019年6月24日", "2019년 6월 24일", "A、B、C"); the
 * rendering code formats nothing itself. Percentages in the model are 0..100 with one decimal; the PDF shows at most that one
 * decimal ("83%", "12.5%").
 */
export class ReportFormat {
  private readonly integer: Intl.NumberFormat;
  private readonly percentage: Intl.NumberFormat;
  private readonly currencies = new Map<string, Intl.NumberFormat>();
  private readonly day: (timeZone: string) => Intl.DateTimeFormat;
  private readonly days = new Map<string, Intl.DateTimeFormat>();
  private readonly regions: Intl.DisplayNames;
  private readonly languages: Intl.DisplayNames;
  private readonly list: Intl.ListFormat;
  private readonly enumeration: Intl.ListFormat;

  constructor(readonly language: Language) {
    this.integer = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
    this.percentage = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
    this.day = (timeZone) => new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', day: 'numeric', timeZone });
    this.regions = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
    this.languages = new Intl.DisplayNames([language], { type: 'language', fallback: 'code' });
    this.list = new Intl.ListFormat(language, { type: 'conjunction', style: 'long' });
    this.enumeration = new Intl.ListFormat(language, { type: 'conjunction', style: 'narrow' });
  }

  /** Absolute value: the sign is said in words ("up 1,000", "down 200"). */
  number(value: number): string {
    return this.integer.format(Math.abs(value));
  }

  percent(value: number | null, notAvailable: string): string {
    return value === null ? notAvailable : this.percentage.format(Math.abs(value) / 100);
  }

  money(amount: Money): string {
    let format = this.currencies.get(amount.currency);
    if (!format) {
      // trailingZeroDisplay is ES2023 (Node 20 has it; this project's lib setting is ES2022): "US$12,000", not "US$12,000.00"
      format = new Intl.NumberFormat(this.language, {
        style: 'currency',
        currency: amount.currency,
        trailingZeroDisplay: 'stripIfInteger',
      } as Intl.NumberFormatOptions);
      this.currencies.set(amount.currency, format);
    }
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(amount.minor / 10 ** digits);
  }

  /** A calendar day as seen in `timeZone` (the event's), e.g. "June 24, 2019" / "2019年6月24日". */
  date(instant: string, timeZone: string): string {
    let format = this.days.get(timeZone);
    if (!format) {
      format = this.day(timeZone);
      this.days.set(timeZone, format);
    }
    return format.format(new Date(instant));
  }

  /** Month and year, as the trends chart labels an edition: "Jun 2019" / "2019年6月". */
  month(instant: string, timeZone: string): string {
    return new Intl.DateTimeFormat(this.language, { year: 'numeric', month: 'short', timeZone }).format(new Date(instant));
  }

  country(code: string): string {
    return this.regions.of(code) ?? code;
  }

  languageName(code: string): string {
    return this.languages.of(code) ?? code;
  }

  /** A list in a sentence: "A, B, and C", "A、B和C". */
  join(items: string[]): string {
    return this.list.format(items);
  }

  /** A list in a table cell, as short as the locale writes one: "A, B, C", "A、B、C". */
  names(items: string[]): string {
    return this.enumeration.format(items);
  }
}

