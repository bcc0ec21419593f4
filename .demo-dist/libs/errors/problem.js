"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PROBLEM_CONTENT_TYPE = void 0;
exports.toDomainError = toDomainError;
exports.toProblem = toProblem;
const common_1 = require("@nestjs/common");
const i18n_1 = require("../i18n/i18n");
const domain_error_1 = require("./domain.error");
exports.PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';
const GENERIC_BY_STATUS = {
    400: domain_error_1.CommonErrors.badRequest,
    401: domain_error_1.CommonErrors.unauthenticated,
    403: domain_error_1.CommonErrors.forbidden,
    415: domain_error_1.CommonErrors.unsupportedMediaType,
};
/**
 * Turns anything thrown while serving a request into a DomainError. Errors raised by Fastify before Nest sees the
 * request (body parsing, size limit) carry Fastify codes; Nest's own HttpExceptions carry a status.
 */
function toDomainError(error, context) {
    if (error instanceof domain_error_1.DomainError)
        return error;
    const fastifyCode = error.code;
    const statusCode = error.statusCode;
    if (fastifyCode === 'FST_ERR_CTP_BODY_TOO_LARGE' || statusCode === 413) {
        return domain_error_1.CommonErrors.payloadTooLarge(context.bodyLimit);
    }
    if (fastifyCode === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
        return domain_error_1.CommonErrors.unsupportedMediaType();
    if (fastifyCode === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
        fastifyCode === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
        (statusCode === 400 && error instanceof SyntaxError)) {
        return domain_error_1.CommonErrors.malformedJson();
    }
    if (error instanceof common_1.HttpException) {
        const status = error.getStatus();
        if (status === 404)
            return domain_error_1.CommonErrors.routeNotFound(context.method, context.path);
        if (status === 413)
            return domain_error_1.CommonErrors.payloadTooLarge(context.bodyLimit);
        if (status === 415)
            return domain_error_1.CommonErrors.unsupportedMediaType();
        // Nest re-raises Fastify's body-parser failures as plain 400s; their message is all that tells them apart.
        if (status === 400 && /JSON/.test(String(error.getResponse())))
            return domain_error_1.CommonErrors.malformedJson();
        return (GENERIC_BY_STATUS[status] ?? (() => new domain_error_1.DomainError('HTTP_ERROR', status, { status })))();
    }
    if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
        return (GENERIC_BY_STATUS[statusCode] ?? domain_error_1.CommonErrors.badRequest)();
    }
    return domain_error_1.CommonErrors.internal();
}
/** Renders a DomainError as an RFC 9457 problem in the given language. */
function toProblem(error, language, instance, requestId) {
    const t = (0, i18n_1.translator)(language);
    const slug = error.code.toLowerCase().replace(/_/g, '-');
    const body = {
        type: `urn:lectern:problem:${slug}`,
        title: t(`errors:${error.code}.title`, { ...error.params, defaultValue: error.code }),
        status: error.status,
        detail: t(`errors:${error.code}.detail`, { ...error.params, defaultValue: error.code }),
        code: error.code,
    };
    Object.assign(body, error.extensions);
    if (instance)
        body.instance = instance;
    if (requestId)
        body.requestId = requestId;
    if (error.fieldErrors.length > 0) {
        body.errors = error.fieldErrors.map((fieldError) => ({
            field: fieldError.field,
            code: fieldError.code,
            message: t(`validation:${fieldError.code}`, {
                field: fieldError.field,
                ...fieldError.params,
                defaultValue: t('validation:invalid', { field: fieldError.field }),
            }),
        }));
    }
    return body;
}
//# sourceMappingURL=problem.js.map