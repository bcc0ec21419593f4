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
exports.AuthController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const auth_decorators_1 = require("../http/auth.decorators");
const problem_dto_1 = require("../http/problem.dto");
const auth_dto_1 = require("./auth.dto");
const auth_service_1 = require("./auth.service");
let AuthController = class AuthController {
    auth;
    constructor(auth) {
        this.auth = auth;
    }
    signUp(body) {
        return this.auth.signUp(body);
    }
    logIn(body, request) {
        return this.auth.logIn(body, request.ip);
    }
    me(actor) {
        return this.auth.me(actor.id);
    }
};
exports.AuthController = AuthController;
__decorate([
    (0, auth_decorators_1.Public)(),
    (0, common_1.Post)('auth/signup'),
    (0, swagger_1.ApiOperation)({ summary: 'Create an account', description: 'Anyone may call this.' }),
    (0, swagger_1.ApiCreatedResponse)({ type: auth_dto_1.SessionDto }),
    (0, problem_dto_1.ApiProblems)(400, 409),
    __param(0, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [auth_dto_1.SignUpDto]),
    __metadata("design:returntype", void 0)
], AuthController.prototype, "signUp", null);
__decorate([
    (0, auth_decorators_1.Public)(),
    (0, common_1.Post)('auth/login'),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiOperation)({
        summary: 'Sign in with e-mail and password',
        description: 'Anyone may call this. Rate-limited per account and per client address (429 with Retry-After).',
    }),
    (0, swagger_1.ApiOkResponse)({ type: auth_dto_1.SessionDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 429),
    __param(0, (0, common_1.Body)()),
    __param(1, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [auth_dto_1.LogInDto, Object]),
    __metadata("design:returntype", void 0)
], AuthController.prototype, "logIn", null);
__decorate([
    (0, common_1.Get)('me'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, swagger_1.ApiOperation)({ summary: 'The signed-in user and their roles per event', description: 'Any signed-in user.' }),
    (0, swagger_1.ApiOkResponse)({ type: auth_dto_1.MeDto }),
    (0, problem_dto_1.ApiProblems)(401),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", void 0)
], AuthController.prototype, "me", null);
exports.AuthController = AuthController = __decorate([
    (0, swagger_1.ApiTags)('auth'),
    (0, common_1.Controller)({ version: '1' }),
    __metadata("design:paramtypes", [auth_service_1.AuthService])
], AuthController);
//# sourceMappingURL=auth.controller.js.map