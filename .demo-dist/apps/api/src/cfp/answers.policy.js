"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_ANSWER_MAX_LENGTH = void 0;
exports.checkAnswers = checkAnswers;
exports.missingAnswers = missingAnswers;
const enums_1 = require("../../../../libs/database/generated/enums");
/** Longest TEXT answer when the question sets no limit of its own. */
exports.DEFAULT_ANSWER_MAX_LENGTH = 5000;
/**
 * Checks answers to `questions` (those of one scope, not archived) and normalises them. `null`, an empty string and
 * an empty list all mean "no answer", so a required question cannot be satisfied by blanks. Field errors name
 * `answers.<questionId>` and reuse the generic validation codes, which are translated in every language.
 */
function checkAnswers(input, questions, prefix = 'answers') {
    const byId = new Map(questions.map((q) => [q.id, q]));
    const changes = new Map();
    const errors = [];
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
        if ('error' in checked)
            errors.push(checked.error);
        else
            changes.set(id, checked.value);
    }
    return { changes, errors };
}
function checkOne(question, raw, field) {
    switch (question.type) {
        case enums_1.CfpQuestionType.TEXT: {
            if (typeof raw !== 'string')
                return { error: { field, code: 'isString' } };
            const text = raw.trim();
            const max = question.maxLength ?? exports.DEFAULT_ANSWER_MAX_LENGTH;
            if (text.length > max)
                return { error: { field, code: 'maxLength', params: { max } } };
            return { value: text === '' ? null : text };
        }
        case enums_1.CfpQuestionType.CHOICE:
            if (typeof raw !== 'string' || !question.options.includes(raw)) {
                return { error: { field, code: 'isIn', params: { values: question.options.join(', ') } } };
            }
            return { value: raw };
        case enums_1.CfpQuestionType.MULTI_CHOICE: {
            if (!Array.isArray(raw))
                return { error: { field, code: 'isArray' } };
            if (!raw.every((item) => typeof item === 'string' && question.options.includes(item))) {
                return { error: { field, code: 'isIn', params: { values: question.options.join(', ') } } };
            }
            const chosen = question.options.filter((option) => raw.includes(option));
            return { value: chosen.length === 0 ? null : chosen };
        }
        case enums_1.CfpQuestionType.NUMBER:
            if (typeof raw !== 'number' || !Number.isFinite(raw))
                return { error: { field, code: 'isNumber' } };
            return { value: raw };
        case enums_1.CfpQuestionType.BOOLEAN:
            if (typeof raw !== 'boolean')
                return { error: { field, code: 'isBoolean' } };
            return { value: raw };
    }
}
/** Required questions without an answer, as field errors ("is required"). */
function missingAnswers(questions, answered, prefix = 'answers') {
    const given = new Set(answered);
    return questions
        .filter((q) => q.required && !given.has(q.id))
        .map((q) => ({ field: `${prefix}.${q.id}`, code: 'isDefined' }));
}
//# sourceMappingURL=answers.policy.js.map