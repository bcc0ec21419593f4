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
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.CheckInController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const client_1 = require("../../../../libs/database/generated/client");
const auth_decorators_1 = require("../http/auth.decorators");
const problem_dto_1 = require("../http/problem.dto");
const event_access_guard_1 = require("../events/event-access.guard");
const checkin_dto_1 = require("./checkin.dto");
const checkin_service_1 = require("./checkin.service");
let CheckInController = class CheckInController {
    checkIns;
    constructor(checkIns) {
        this.checkIns = checkIns;
    }
    async scan(actor, access, body, reply) {
        const result = await this.checkIns.scan(actor, access, body.badgeToken);
        void reply.status(result.created ? 201 : 200);
        return result.view;
    }
    summary(access) {
        return this.checkIns.attendance(access);
    }
};
exports.CheckInController = CheckInController;
__decorate([
    (0, common_1.Post)(),
    (0, event_access_guard_1.RequireEventRole)('Scan a badge: 201 for the day’s first check-in, 200 with alreadyCheckedIn for a repeat', client_1.EventRole.CHECKIN_STAFF, client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiCreatedResponse)({ type: checkin_dto_1.CheckInResultDto }),
    (0, swagger_1.ApiOkResponse)({ type: checkin_dto_1.CheckInResultDto, description: 'Already checked in today; nothing recorded' }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404, 409),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Body)()),
    __param(3, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, checkin_dto_1.CheckInDto, Object]),
    __metadata("design:returntype", Promise)
], CheckInController.prototype, "scan", null);
__decorate([
    (0, common_1.Get)('summary'),
    (0, event_access_guard_1.RequireEventRole)('Check-ins per event day', client_1.EventRole.CHECKIN_STAFF, client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiOkResponse)({ type: checkin_dto_1.AttendanceDto }),
    (0, problem_dto_1.ApiProblems)(401, 403, 404),
    __param(0, (0, event_access_guard_1.CurrentEvent)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", void 0)
], CheckInController.prototype, "summary", null);
exports.CheckInController = CheckInController = __decorate([
    (0, swagger_1.ApiTags)('registration'),
    (0, common_1.Controller)({ path: 'events/:slug/check-ins', version: '1' }),
    __metadata("design:paramtypes", [checkin_service_1.CheckInService])
], CheckInController);
//# sourceMappingURL=checkin.controller.js.map