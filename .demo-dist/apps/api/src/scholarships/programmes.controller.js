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
exports.ProgrammesController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const client_1 = require("../../../../libs/database/generated/client");
const auth_decorators_1 = require("../http/auth.decorators");
const problem_dto_1 = require("../http/problem.dto");
const uuid_pipe_1 = require("../http/uuid.pipe");
const cfp_access_guard_1 = require("../cfp/cfp-access.guard");
const event_access_guard_1 = require("../events/event-access.guard");
const programmes_dto_1 = require("./programmes.dto");
const programmes_service_1 = require("./programmes.service");
let ProgrammesController = class ProgrammesController {
    programmes;
    constructor(programmes) {
        this.programmes = programmes;
    }
    create(actor, access, body) {
        return this.programmes.create(actor, access, body);
    }
    list(user, access) {
        return this.programmes.list(user, access);
    }
    get(user, access, id) {
        return this.programmes.get(user, access, id);
    }
    update(actor, access, id, body) {
        return this.programmes.update(actor, access, id, body);
    }
    totals(access) {
        return this.programmes.totals(access);
    }
};
exports.ProgrammesController = ProgrammesController;
__decorate([
    (0, common_1.Post)('programmes'),
    (0, event_access_guard_1.RequireEventRole)('Create a scholarship programme', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiCreatedResponse)({ type: programmes_dto_1.ProgrammeDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404, 409),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, programmes_dto_1.CreateProgrammeDto]),
    __metadata("design:returntype", void 0)
], ProgrammesController.prototype, "create", null);
__decorate([
    (0, auth_decorators_1.Public)(),
    (0, common_1.Get)('programmes'),
    (0, cfp_access_guard_1.ForEventVisitors)('The edition’s scholarship programmes', 'Anyone who can see the event. The budget and reviews per application are shown to organisers and the committee only.'),
    (0, swagger_1.ApiOkResponse)({ type: [programmes_dto_1.ProgrammeDto] }),
    (0, problem_dto_1.ApiProblems)(404),
    __param(0, (0, auth_decorators_1.OptionalUser)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", void 0)
], ProgrammesController.prototype, "list", null);
__decorate([
    (0, auth_decorators_1.Public)(),
    (0, common_1.Get)('programmes/:id'),
    (0, cfp_access_guard_1.ForEventVisitors)('One scholarship programme', 'Anyone who can see the event. The budget and reviews per application are shown to organisers and the committee only.'),
    (0, swagger_1.ApiOkResponse)({ type: programmes_dto_1.ProgrammeDto }),
    (0, problem_dto_1.ApiProblems)(400, 404),
    __param(0, (0, auth_decorators_1.OptionalUser)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('id', (0, uuid_pipe_1.uuidParam)('id'))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String]),
    __metadata("design:returntype", void 0)
], ProgrammesController.prototype, "get", null);
__decorate([
    (0, common_1.Patch)('programmes/:id'),
    (0, event_access_guard_1.RequireEventRole)('Change a scholarship programme (never its budget below what its awards hold)', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiOkResponse)({ type: programmes_dto_1.ProgrammeDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404, 409),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('id', (0, uuid_pipe_1.uuidParam)('id'))),
    __param(3, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String, programmes_dto_1.UpdateProgrammeDto]),
    __metadata("design:returntype", void 0)
], ProgrammesController.prototype, "update", null);
__decorate([
    (0, common_1.Get)('summary'),
    (0, event_access_guard_1.RequireEventRole)('Applications, awards and amounts per programme (counts and amounts only, no application content)', client_1.EventRole.ORGANISER, client_1.EventRole.SCHOLARSHIP_COMMITTEE),
    (0, swagger_1.ApiOkResponse)({ type: [programmes_dto_1.ProgrammeTotalsDto] }),
    (0, problem_dto_1.ApiProblems)(401, 403, 404),
    __param(0, (0, event_access_guard_1.CurrentEvent)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", void 0)
], ProgrammesController.prototype, "totals", null);
exports.ProgrammesController = ProgrammesController = __decorate([
    (0, swagger_1.ApiTags)('scholarships'),
    (0, common_1.Controller)({ path: 'events/:slug/scholarships', version: '1' }),
    __metadata("design:paramtypes", [programmes_service_1.ProgrammesService])
], ProgrammesController);
//# sourceMappingURL=programmes.controller.js.map