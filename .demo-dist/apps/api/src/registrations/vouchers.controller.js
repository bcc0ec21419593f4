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
exports.VouchersController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const client_1 = require("../../../../libs/database/generated/client");
const auth_decorators_1 = require("../http/auth.decorators");
const pagination_dto_1 = require("../http/pagination.dto");
const problem_dto_1 = require("../http/problem.dto");
const uuid_pipe_1 = require("../http/uuid.pipe");
const event_access_guard_1 = require("../events/event-access.guard");
const vouchers_dto_1 = require("./vouchers.dto");
const vouchers_service_1 = require("./vouchers.service");
let VouchersController = class VouchersController {
    vouchers;
    constructor(vouchers) {
        this.vouchers = vouchers;
    }
    create(actor, access, body) {
        return this.vouchers.create(actor, access, body);
    }
    list(access, query) {
        return this.vouchers.list(access, query.limit, query.cursor);
    }
    get(access, id) {
        return this.vouchers.get(access, id);
    }
    update(actor, access, id, body) {
        return this.vouchers.update(actor, access, id, body);
    }
};
exports.VouchersController = VouchersController;
__decorate([
    (0, common_1.Post)(),
    (0, event_access_guard_1.RequireEventRole)('Create a voucher for one ticket type', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiCreatedResponse)({ type: vouchers_dto_1.VoucherDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404, 409),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, vouchers_dto_1.CreateVoucherDto]),
    __metadata("design:returntype", void 0)
], VouchersController.prototype, "create", null);
__decorate([
    (0, common_1.Get)(),
    (0, event_access_guard_1.RequireEventRole)('Vouchers with their uses, oldest first', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiOkResponse)({ type: vouchers_dto_1.VoucherPageDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, event_access_guard_1.CurrentEvent)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, pagination_dto_1.PageQueryDto]),
    __metadata("design:returntype", void 0)
], VouchersController.prototype, "list", null);
__decorate([
    (0, common_1.Get)(':id'),
    (0, event_access_guard_1.RequireEventRole)('One voucher', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiOkResponse)({ type: vouchers_dto_1.VoucherDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, event_access_guard_1.CurrentEvent)()),
    __param(1, (0, common_1.Param)('id', (0, uuid_pipe_1.uuidParam)('id'))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", void 0)
], VouchersController.prototype, "get", null);
__decorate([
    (0, common_1.Patch)(':id'),
    (0, event_access_guard_1.RequireEventRole)('Change a voucher’s limit or validity', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiOkResponse)({ type: vouchers_dto_1.VoucherDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404, 409),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('id', (0, uuid_pipe_1.uuidParam)('id'))),
    __param(3, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String, vouchers_dto_1.UpdateVoucherDto]),
    __metadata("design:returntype", void 0)
], VouchersController.prototype, "update", null);
exports.VouchersController = VouchersController = __decorate([
    (0, swagger_1.ApiTags)('registration'),
    (0, common_1.Controller)({ path: 'events/:slug/vouchers', version: '1' }),
    __metadata("design:paramtypes", [vouchers_service_1.VouchersService])
], VouchersController);
//# sourceMappingURL=vouchers.controller.js.map