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
exports.FactsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const client_1 = require("../../../../libs/database/generated/client");
const event_access_guard_1 = require("../events/event-access.guard");
const auth_decorators_1 = require("../http/auth.decorators");
const pagination_dto_1 = require("../http/pagination.dto");
const problem_dto_1 = require("../http/problem.dto");
const uuid_pipe_1 = require("../http/uuid.pipe");
const facts_dto_1 = require("./facts.dto");
const facts_service_1 = require("./facts.service");
const ORGANISER = client_1.EventRole.ORGANISER;
let FactsController = class FactsController {
    facts;
    constructor(facts) {
        this.facts = facts;
    }
    listSponsors(access, query) {
        return this.facts.listSponsors(access, query);
    }
    createSponsor(actor, access, body) {
        return this.facts.createSponsor(actor, access, body);
    }
    updateSponsor(actor, access, id, body) {
        return this.facts.updateSponsor(actor, access, id, body);
    }
    async deleteSponsor(actor, access, id) {
        await this.facts.deleteSponsor(actor, access, id);
    }
    listPartners(access, query) {
        return this.facts.listPartners(access, query);
    }
    createPartner(actor, access, body) {
        return this.facts.createPartner(actor, access, body);
    }
    updatePartner(actor, access, id, body) {
        return this.facts.updatePartner(actor, access, id, body);
    }
    async deletePartner(actor, access, id) {
        await this.facts.deletePartner(actor, access, id);
    }
    listAccreditations(access, query) {
        return this.facts.listAccreditations(access, query);
    }
    createAccreditation(actor, access, body) {
        return this.facts.createAccreditation(actor, access, body);
    }
    updateAccreditation(actor, access, id, body) {
        return this.facts.updateAccreditation(actor, access, id, body);
    }
    async deleteAccreditation(actor, access, id) {
        await this.facts.deleteAccreditation(actor, access, id);
    }
    listFacts(access, query) {
        return this.facts.listFacts(access, query);
    }
    createFact(actor, access, body) {
        return this.facts.createFact(actor, access, body);
    }
    updateFact(actor, access, id, body) {
        return this.facts.updateFact(actor, access, id, body);
    }
    async deleteFact(actor, access, id) {
        await this.facts.deleteFact(actor, access, id);
    }
};
exports.FactsController = FactsController;
__decorate([
    (0, common_1.Get)('sponsors'),
    (0, event_access_guard_1.RequireEventRole)('List the edition’s sponsors, oldest first', ORGANISER),
    (0, swagger_1.ApiOkResponse)({ type: facts_dto_1.SponsorPageDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, event_access_guard_1.CurrentEvent)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, pagination_dto_1.PageQueryDto]),
    __metadata("design:returntype", void 0)
], FactsController.prototype, "listSponsors", null);
__decorate([
    (0, common_1.Post)('sponsors'),
    (0, event_access_guard_1.RequireEventRole)('Add a sponsor with its tier', ORGANISER),
    (0, swagger_1.ApiCreatedResponse)({ type: facts_dto_1.SponsorDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404, 409),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, facts_dto_1.CreateSponsorDto]),
    __metadata("design:returntype", void 0)
], FactsController.prototype, "createSponsor", null);
__decorate([
    (0, common_1.Patch)('sponsors/:sponsorId'),
    (0, event_access_guard_1.RequireEventRole)('Change a sponsor’s name, tier or website', ORGANISER),
    (0, swagger_1.ApiOkResponse)({ type: facts_dto_1.SponsorDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404, 409),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('sponsorId', (0, uuid_pipe_1.uuidParam)('sponsorId'))),
    __param(3, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String, facts_dto_1.UpdateSponsorDto]),
    __metadata("design:returntype", void 0)
], FactsController.prototype, "updateSponsor", null);
__decorate([
    (0, common_1.Delete)('sponsors/:sponsorId'),
    (0, common_1.HttpCode)(204),
    (0, event_access_guard_1.RequireEventRole)('Remove a sponsor', ORGANISER),
    (0, swagger_1.ApiNoContentResponse)(),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('sponsorId', (0, uuid_pipe_1.uuidParam)('sponsorId'))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String]),
    __metadata("design:returntype", Promise)
], FactsController.prototype, "deleteSponsor", null);
__decorate([
    (0, common_1.Get)('community-partners'),
    (0, event_access_guard_1.RequireEventRole)('List the edition’s community partners, oldest first', ORGANISER),
    (0, swagger_1.ApiOkResponse)({ type: facts_dto_1.CommunityPartnerPageDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, event_access_guard_1.CurrentEvent)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, pagination_dto_1.PageQueryDto]),
    __metadata("design:returntype", void 0)
], FactsController.prototype, "listPartners", null);
__decorate([
    (0, common_1.Post)('community-partners'),
    (0, event_access_guard_1.RequireEventRole)('Add a community partner', ORGANISER),
    (0, swagger_1.ApiCreatedResponse)({ type: facts_dto_1.CommunityPartnerDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404, 409),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, facts_dto_1.CreateCommunityPartnerDto]),
    __metadata("design:returntype", void 0)
], FactsController.prototype, "createPartner", null);
__decorate([
    (0, common_1.Patch)('community-partners/:partnerId'),
    (0, event_access_guard_1.RequireEventRole)('Change a community partner', ORGANISER),
    (0, swagger_1.ApiOkResponse)({ type: facts_dto_1.CommunityPartnerDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404, 409),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('partnerId', (0, uuid_pipe_1.uuidParam)('partnerId'))),
    __param(3, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String, facts_dto_1.UpdateCommunityPartnerDto]),
    __metadata("design:returntype", void 0)
], FactsController.prototype, "updatePartner", null);
__decorate([
    (0, common_1.Delete)('community-partners/:partnerId'),
    (0, common_1.HttpCode)(204),
    (0, event_access_guard_1.RequireEventRole)('Remove a community partner', ORGANISER),
    (0, swagger_1.ApiNoContentResponse)(),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('partnerId', (0, uuid_pipe_1.uuidParam)('partnerId'))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String]),
    __metadata("design:returntype", Promise)
], FactsController.prototype, "deletePartner", null);
__decorate([
    (0, common_1.Get)('media'),
    (0, event_access_guard_1.RequireEventRole)('List media and analyst accreditations, oldest first', ORGANISER),
    (0, swagger_1.ApiOkResponse)({ type: facts_dto_1.MediaAccreditationPageDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, event_access_guard_1.CurrentEvent)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, pagination_dto_1.PageQueryDto]),
    __metadata("design:returntype", void 0)
], FactsController.prototype, "listAccreditations", null);
__decorate([
    (0, common_1.Post)('media'),
    (0, event_access_guard_1.RequireEventRole)('Accredit a journalist or analyst, with their working language', ORGANISER),
    (0, swagger_1.ApiCreatedResponse)({ type: facts_dto_1.MediaAccreditationDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, facts_dto_1.CreateMediaAccreditationDto]),
    __metadata("design:returntype", void 0)
], FactsController.prototype, "createAccreditation", null);
__decorate([
    (0, common_1.Patch)('media/:accreditationId'),
    (0, event_access_guard_1.RequireEventRole)('Change a media or analyst accreditation', ORGANISER),
    (0, swagger_1.ApiOkResponse)({ type: facts_dto_1.MediaAccreditationDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('accreditationId', (0, uuid_pipe_1.uuidParam)('accreditationId'))),
    __param(3, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String, facts_dto_1.UpdateMediaAccreditationDto]),
    __metadata("design:returntype", void 0)
], FactsController.prototype, "updateAccreditation", null);
__decorate([
    (0, common_1.Delete)('media/:accreditationId'),
    (0, common_1.HttpCode)(204),
    (0, event_access_guard_1.RequireEventRole)('Withdraw a media or analyst accreditation', ORGANISER),
    (0, swagger_1.ApiNoContentResponse)(),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('accreditationId', (0, uuid_pipe_1.uuidParam)('accreditationId'))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String]),
    __metadata("design:returntype", Promise)
], FactsController.prototype, "deleteAccreditation", null);
__decorate([
    (0, common_1.Get)('facts'),
    (0, event_access_guard_1.RequireEventRole)('List facts entered by organisers (press clippings, figures, notes), oldest first', ORGANISER),
    (0, swagger_1.ApiOkResponse)({ type: facts_dto_1.EventFactPageDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, event_access_guard_1.CurrentEvent)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, pagination_dto_1.PageQueryDto]),
    __metadata("design:returntype", void 0)
], FactsController.prototype, "listFacts", null);
__decorate([
    (0, common_1.Post)('facts'),
    (0, event_access_guard_1.RequireEventRole)('Enter a fact Lectern cannot compute; the report marks it as entered by the organisers', ORGANISER),
    (0, swagger_1.ApiCreatedResponse)({ type: facts_dto_1.EventFactDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, facts_dto_1.CreateEventFactDto]),
    __metadata("design:returntype", void 0)
], FactsController.prototype, "createFact", null);
__decorate([
    (0, common_1.Patch)('facts/:factId'),
    (0, event_access_guard_1.RequireEventRole)('Change an organiser-entered fact', ORGANISER),
    (0, swagger_1.ApiOkResponse)({ type: facts_dto_1.EventFactDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('factId', (0, uuid_pipe_1.uuidParam)('factId'))),
    __param(3, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String, facts_dto_1.UpdateEventFactDto]),
    __metadata("design:returntype", void 0)
], FactsController.prototype, "updateFact", null);
__decorate([
    (0, common_1.Delete)('facts/:factId'),
    (0, common_1.HttpCode)(204),
    (0, event_access_guard_1.RequireEventRole)('Delete an organiser-entered fact', ORGANISER),
    (0, swagger_1.ApiNoContentResponse)(),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('factId', (0, uuid_pipe_1.uuidParam)('factId'))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String]),
    __metadata("design:returntype", Promise)
], FactsController.prototype, "deleteFact", null);
exports.FactsController = FactsController = __decorate([
    (0, swagger_1.ApiTags)('event facts'),
    (0, common_1.Controller)({ path: 'events/:slug', version: '1' }),
    __metadata("design:paramtypes", [facts_service_1.FactsService])
], FactsController);
//# sourceMappingURL=facts.controller.js.map