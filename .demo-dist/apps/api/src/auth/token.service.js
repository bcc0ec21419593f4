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
exports.TokenService = void 0;
const node_crypto_1 = require("node:crypto");
const common_1 = require("@nestjs/common");
const config_module_1 = require("../../../../libs/config/config.module");
const auth_errors_1 = require("./auth.errors");
const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
/** Bearer tokens are compact HS256 JWTs signed with TOKEN_SECRET; only the user id and lifetime are inside. */
let TokenService = class TokenService {
    config;
    constructor(config) {
        this.config = config;
    }
    issue(userId, now = new Date()) {
        const iat = Math.floor(now.getTime() / 1000);
        const exp = iat + this.config.auth.tokenTtlSeconds;
        const payload = Buffer.from(JSON.stringify({ sub: userId, iat, exp })).toString('base64url');
        return { token: `${HEADER}.${payload}.${this.sign(`${HEADER}.${payload}`)}`, expiresAt: new Date(exp * 1000) };
    }
    verify(token, now = new Date()) {
        const parts = token.split('.');
        if (parts.length !== 3 || parts[0] !== HEADER)
            throw auth_errors_1.AuthErrors.tokenInvalid();
        const expected = Buffer.from(this.sign(`${parts[0]}.${parts[1]}`));
        const given = Buffer.from(parts[2]);
        if (expected.length !== given.length || !(0, node_crypto_1.timingSafeEqual)(expected, given)) {
            throw auth_errors_1.AuthErrors.tokenInvalid();
        }
        let claims;
        try {
            claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
        }
        catch {
            throw auth_errors_1.AuthErrors.tokenInvalid();
        }
        if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number')
            throw auth_errors_1.AuthErrors.tokenInvalid();
        if (claims.exp * 1000 <= now.getTime())
            throw auth_errors_1.AuthErrors.tokenExpired();
        return claims;
    }
    sign(input) {
        return (0, node_crypto_1.createHmac)('sha256', this.config.auth.tokenSecret).update(input).digest('base64url');
    }
};
exports.TokenService = TokenService;
exports.TokenService = TokenService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(config_module_1.APP_CONFIG)),
    __metadata("design:paramtypes", [Object])
], TokenService);
//# sourceMappingURL=token.service.js.map