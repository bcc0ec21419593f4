"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ProblemFilter = void 0;
exports.sendProblem = sendProblem;
const common_1 = require("@nestjs/common");
const domain_error_1 = require("../../../../libs/errors/domain.error");
const problem_1 = require("../../../../libs/errors/problem");
const request_language_1 = require("./request-language");
/** Renders any failure as application/problem+json; shared by Nest's filter and Fastify's own error handler. */
function sendProblem(error, request, reply, bodyLimit) {
    const path = request.url.split('?')[0];
    const domainError = (0, problem_1.toDomainError)(error, { method: request.method, path, bodyLimit });
    if (domainError.status >= 500) {
        request.log.error({ err: error }, 'request failed');
    }
    const problem = (0, problem_1.toProblem)(domainError, (0, request_language_1.requestLanguage)(request), path, String(request.id));
    void reply
        .status(domainError.status)
        .headers(domainError.headers)
        .header('content-type', problem_1.PROBLEM_CONTENT_TYPE)
        .header('content-language', (0, request_language_1.requestLanguage)(request))
        .send(JSON.stringify(problem));
}
let ProblemFilter = class ProblemFilter {
    bodyLimit;
    logger = new common_1.Logger('ProblemFilter');
    constructor(bodyLimit) {
        this.bodyLimit = bodyLimit;
    }
    catch(error, host) {
        const http = host.switchToHttp();
        const reply = http.getResponse();
        if (reply.sent) {
            if (!(error instanceof domain_error_1.DomainError))
                this.logger.error(error);
            return;
        }
        sendProblem(error, http.getRequest(), reply, this.bodyLimit);
    }
};
exports.ProblemFilter = ProblemFilter;
exports.ProblemFilter = ProblemFilter = __decorate([
    (0, common_1.Catch)(),
    __metadata("design:paramtypes", [Number])
], ProblemFilter);
//# sourceMappingURL=problem.filter.js.map