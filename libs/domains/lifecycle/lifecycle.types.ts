import { LocalizedText } from '@lectern/i18n/localized-text';

export interface CloneEditionInput {
  /** The new edition's slug. */
  slug: string;
  /** When the new edition starts; every instant of the source moves by the same amount. */
  startsAt: string;
  /** The new edition's name; the source's when absent. */
  name?: LocalizedText;
}
