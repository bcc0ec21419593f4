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
exports.AuthService = void 0;
exports.normaliseEmail = normaliseEmail;
const argon2_1 = require("@node-rs/argon2");
const common_1 = require("@nestjs/common");
const config_module_1 = require("../../../../libs/config/config.module");
const prisma_errors_1 = require("../../../../libs/database/prisma-errors");
const auth_errors_1 = require("./auth.errors");
const audit_repository_1 = require("../../../../libs/audit/audit.repository");
const transaction_host_1 = require("../../../../libs/database/transaction.host");
const auth_repository_1 = require("./auth.repository");
const token_service_1 = require("./token.service");
/** OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. */
const ARGON2 = { algorithm: 2 /* Algorithm.Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 };
let AuthService = class AuthService {
    config;
    users;
    audit;
    tx;
    tokens;
    /** Verified against when the e-mail is unknown, so a wrong address costs as long as a wrong password. */
    dummyHash;
    constructor(config, users, audit, tx, tokens) {
        this.config = config;
        this.users = users;
        this.audit = audit;
        this.tx = tx;
        this.tokens = tokens;
    }
    async onModuleInit() {
        if (this.config.admin)
            await this.ensureAdmin(this.config.admin.email, this.config.admin.password);
    }
    async signUp(input) {
        const passwordHash = await (0, argon2_1.hash)(input.password, ARGON2);
        try {
            const user = await this.users.createUser({
                email: normaliseEmail(input.email),
                passwordHash,
                name: input.name.trim(),
                locale: input.locale ?? 'en',
            });
            return { ...this.tokens.issue(user.id), user };
        }
        catch (error) {
            if ((0, prisma_errors_1.isUniqueViolation)(error, 'email'))
                throw auth_errors_1.AuthErrors.emailTaken();
            throw error;
        }
    }
    /**
     * Every attempt counts against the account and against the client address, before the password is checked,
     * so parallel guesses cannot outrun the limit. A successful sign-in clears the account's counter.
     */
    async logIn(input, clientAddress) {
        const email = normaliseEmail(input.email);
        const window = this.config.auth.loginWindowSeconds;
        const [account, client] = await Promise.all([
            this.users.countAttempt(`account:${email}`, window),
            this.users.countAttempt(`client:${clientAddress}`, window),
        ]);
        const over = [
            account.count > this.config.auth.maxFailuresPerAccount ? account.expiresAt : null,
            client.count > this.config.auth.maxAttemptsPerClient ? client.expiresAt : null,
        ].filter((d) => d !== null);
        if (over.length > 0) {
            const until = Math.max(...over.map((d) => d.getTime()));
            const retryAfter = Math.max(1, Math.ceil((until - Date.now()) / 1000));
            throw auth_errors_1.AuthErrors.tooManyAttempts(retryAfter);
        }
        const found = await this.users.findCredentials(email);
        const valid = await (0, argon2_1.verify)(found?.passwordHash ?? (await this.getDummyHash()), input.password);
        if (!found || !valid)
            throw auth_errors_1.AuthErrors.invalidCredentials();
        await this.users.clearAttempts(`account:${email}`);
        const { passwordHash: _ignored, ...user } = found;
        return { ...this.tokens.issue(user.id), user };
    }
    /** Resolves a bearer token to its user; a token whose user no longer exists is invalid. */
    async authenticate(token) {
        const claims = this.tokens.verify(token);
        const user = await this.users.findById(claims.sub);
        if (!user)
            throw auth_errors_1.AuthErrors.tokenInvalid();
        return user;
    }
    async me(userId) {
        const [user, grants] = await Promise.all([this.users.findById(userId), this.users.rolesOf(userId)]);
        if (!user)
            throw auth_errors_1.AuthErrors.tokenInvalid();
        return {
            ...user,
            roles: grants.map((g) => ({ eventSlug: g.event.slug, eventName: g.event.name, role: g.role })),
        };
    }
    /** Creates the administrator, or makes an existing account one and resets its password. Idempotent. */
    async ensureAdmin(rawEmail, password) {
        const email = normaliseEmail(rawEmail);
        const passwordHash = await (0, argon2_1.hash)(password, ARGON2);
        return this.tx.run(async () => {
            const existing = await this.users.findByEmail(email);
            const user = existing
                ? await this.users.updateUser(existing.id, { passwordHash, isAdmin: true })
                : await this.users.createUser({ email, passwordHash, name: 'Administrator', locale: 'en', isAdmin: true });
            if (!existing?.isAdmin) {
                await this.audit.record({
                    action: existing ? 'user.promoted_to_admin' : 'user.admin_created',
                    entityType: 'user',
                    entityId: user.id,
                    before: existing ? { isAdmin: existing.isAdmin } : null,
                    after: { isAdmin: true },
                });
            }
            return { user, created: !existing };
        });
    }
    getDummyHash() {
        this.dummyHash ??= (0, argon2_1.hash)('lectern-timing-equaliser', ARGON2);
        return this.dummyHash;
    }
};
exports.AuthService = AuthService;
exports.AuthService = AuthService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(config_module_1.APP_CONFIG)),
    __metadata("design:paramtypes", [Object, auth_repository_1.AuthRepository,
        audit_repository_1.AuditRepository,
        transaction_host_1.TransactionHost,
        token_service_1.TokenService])
], AuthService);
function normaliseEmail(email) {
    return email.trim().toLowerCase();
}
//# sourceMappingURL=auth.service.js.map