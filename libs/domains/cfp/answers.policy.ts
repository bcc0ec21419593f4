import { CfpQuestionType } from '@lectern/database/generated/enums';
import { FieldError } from '@lectern/errors/domain.error';
import { LocalizedText, localizedText } from '@lectern/i18n/localized-text';

/** One choice of a CHOICE or MULTI_CHOICE question: answers hold its value, readers see its label in their language. */
export type ChoiceOption = {
  value: string;
  label: LocalizedText;
};

/**
 * A stored options list read back. The database's CHECK keeps it a list of { value, label } with unique values;
 * anything else here is a defect, not input, so it throws.
 */
export function choiceOptions(stored: unknown): ChoiceOption[] {
  if (!Array.isArray(stored)) throw new TypeError(`not a list of options: ${JSON.stringify(stored)}`);
  return stored.map((option: unknown) => {
    const { value, label } = (option ?? {}) as { value?: unknown; label?: unknown };
    if (typeof value !== 'string') throw new TypeError(`not an option: ${JSON.stringify(option)}`);
    return { value, label: localizedText(label) };
  });
}

export interface QuestionRule {
  id: string;
  type: CfpQuestionType;
  required: boolean;
  /** As stored: read through choiceOptions. */
  options: unknown;
  maxLength: number | null;
}

export type AnswerValue = string | number | boolean | string[];

/** Longest TEXT answer when the question sets no limit of its own. */
export const DEFAULT_ANSWER_MAX_LENGTH = 5000;

/**
 * Checks answers to `questions` (those of one scope, not archived) and normalises them. `null`, an empty string and
 * an empty list all mean "no answer", so a required question cannot be satisfied by blanks. Field errors name
 * `answers.<questionId>` and reuse the generic validation codes, which are translated in every language.
 */
export function checkAnswers(input: Record<string, unknown>, questions: QuestionRule[], prefix = 'answers') {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const changes = new Map<string, AnswerValue | null>();
  const errors: FieldError[] = [];
  for (const [id, raw] of Object.entries(input)) {
    const field = `${prefix}.${id}`;
    const question = byId.get(id);
    if (!question) {
      errors.push({ field, code: 'unknownField' });
      continue;
    }
    if (raw === null) {
      changes.set(id, null);
      continue;
    }
    const checked = checkOne(question, raw, field);
    if ('error' in checked) errors.push(checked.error);
    else changes.set(id, checked.value);
  }
  return { changes, errors };
}

function checkOne(question: QuestionRule, raw: unknown, field: string): { value: AnswerValue | null } | { error: FieldError } {
  switch (question.type) {
    case CfpQuestionType.TEXT: {
      if (typeof raw !== 'string') return { error: { field, code: 'isString' } };
      const text = raw.trim();
      const max = question.maxLength ?? DEFAULT_ANSWER_MAX_LENGTH;
      if (text.length > max) return { error: { field, code: 'maxLength', params: { max } } };
      return { value: text === '' ? null : text };
    }
    case CfpQuestionType.CHOICE: {
      const values = choiceOptions(question.options).map((option) => option.value);
      if (typeof raw !== 'string' || !values.includes(raw)) {
        return { error: { field, code: 'isIn', params: { values: values.join(', ') } } };
      }
      return { value: raw };
    }
    case CfpQuestionType.MULTI_CHOICE: {
      if (!Array.isArray(raw)) return { error: { field, code: 'isArray' } };
      const values = choiceOptions(question.options).map((option) => option.value);
      if (!raw.every((item) => typeof item === 'string' && values.includes(item))) {
        return { error: { field, code: 'isIn', params: { values: values.join(', ') } } };
      }
      const chosen = values.filter((value) => raw.includes(value));
      return { value: chosen.length === 0 ? null : chosen };
    }
    case CfpQuestionType.NUMBER:
      if (typeof raw !== 'number' || !Number.isFinite(raw)) return { error: { field, code: 'isNumber' } };
      return { value: raw };
    case CfpQuestionType.BOOLEAN:
      if (typeof raw !== 'boolean') return { error: { field, code: 'isBoolean' } };
      return { value: raw };
  }
}

/** Required questions without an answer, as field errors ("is required"). */
export function missingAnswers(questions: QuestionRule[], answered: Iterable<string>, prefix = 'answers'): FieldError[] {
  const given = new Set(answered);
  return questions
    .filter((q) => q.required && !given.has(q.id))
    .map((q) => ({ field: `${prefix}.${q.id}`, code: 'isDefined' }));
}
