"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.toFieldErrors = toFieldErrors;
exports.createValidationPipe = createValidationPipe;
const common_1 = require("@nestjs/common");
const class_validator_1 = require("class-validator");
const domain_error_1 = require("../../../../libs/errors/domain.error");
const LIMIT_PARAM = {
    minLength: 'min',
    maxLength: 'max',
    min: 'min',
    max: 'max',
    arrayMinSize: 'min',
    arrayMaxSize: 'max',
};
/**
 * class-validator reports a constraint's name but not its arguments; look them up in its metadata so messages can
 * say "at most 200 characters" in every language instead of passing English text through.
 */
function constraintParams(target, property, name) {
    if (!target)
        return undefined;
    const metadata = (0, class_validator_1.getMetadataStorage)()
        .getTargetValidationMetadatas(target.constructor, '', true, false)
        .find((m) => m.propertyName === property && m.name === name);
    const args = metadata?.constraints ?? [];
    if (LIMIT_PARAM[name] && typeof args[0] === 'number')
        return { [LIMIT_PARAM[name]]: args[0] };
    if (name === 'isEnum' && args[0] && typeof args[0] === 'object') {
        return { values: [...new Set(Object.values(args[0]))].join(', ') };
    }
    if (name === 'isIn' && Array.isArray(args[0]))
        return { values: args[0].join(', ') };
    return undefined;
}
function toFieldErrors(errors, parent = '') {
    const result = [];
    for (const error of errors) {
        const field = error.property === undefined ? '(body)' : parent ? `${parent}.${error.property}` : error.property;
        for (const name of Object.keys(error.constraints ?? {})) {
            if (name === 'whitelistValidation')
                result.push({ field, code: 'unknownField' });
            else if (name === 'unknownValue')
                result.push({ field: '(body)', code: 'isObject' });
            else
                result.push({ field, code: name, params: constraintParams(error.target, error.property, name) });
        }
        if (error.children?.length)
            result.push(...toFieldErrors(error.children, field));
    }
    return result;
}
/** Unknown fields are refused, not silently dropped: a typo in a field name should not look like success. */
function createValidationPipe() {
    return new common_1.ValidationPipe({
        whitelist: true,
        forbidNonWhitelisted: true,
        forbidUnknownValues: true,
        transform: true,
        validationError: { target: true, value: false },
        exceptionFactory: (errors) => domain_error_1.CommonErrors.validation(toFieldErrors(errors)),
    });
}
//# sourceMappingURL=validation.pipe.js.map