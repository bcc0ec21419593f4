import { describe, expect, it } from 'vitest';
import {
  CompanySize,
  EventFactKind,
  Gender,
  Industry,
  JobFunction,
  SponsorTier,
  TicketCategory,
} from '@lectern/database/generated/enums';
import { supportedLanguages, i18n } from '@lectern/i18n/i18n';
import { CONTINENTS } from '@reports/continents';
import { SPONSOR_TIERS } from '@reports/report.model';

describe('report labels', () => {
  // a value without a label would reach the PDF as a humanised code ("Size 3000 plus"), never translated
  const groups: [string, readonly string[]][] = [
    ['companySize', Object.values(CompanySize)],
    ['jobFunction', Object.values(JobFunction)],
    ['industry', Object.values(Industry)],
    ['gender', Object.values(Gender)],
    ['ticketType', Object.values(TicketCategory)],
    ['sponsorTier', Object.values(SponsorTier)],
    ['factKind', Object.values(EventFactKind)],
    ['continent', CONTINENTS],
  ];

  it.each(groups)('names every %s value of the data model in both languages', (group, values) => {
    for (const language of supportedLanguages()) {
      const missing = values.filter((value) => !i18n().exists(`report:values.${group}.${value}`, { lng: language }));
      expect(missing, language).toEqual([]);
    }
  });

  it('orders exactly the sponsor tiers the database knows', () => {
    expect([...SPONSOR_TIERS].sort()).toEqual(Object.values(SponsorTier).sort());
  });
});
