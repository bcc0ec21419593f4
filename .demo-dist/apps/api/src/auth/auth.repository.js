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
exports.AuthRepository = void 0;
const common_1 = require("@nestjs/common");
const transaction_host_1 = require("../../../../libs/database/transaction.host");
const USER_FIELDS = { id: true, email: true, name: true, locale: true, isAdmin: true, createdAt: true };
let AuthRepository = class AuthRepository {
    tx;
    constructor(tx) {
        this.tx = tx;
    }
    createUser(data) {
        return this.tx.db.user.create({ data, select: USER_FIELDS });
    }
    findById(id) {
        return this.tx.db.user.findUnique({ where: { id }, select: USER_FIELDS });
    }
    findByEmail(email) {
        return this.tx.db.user.findUnique({ where: { email }, select: USER_FIELDS });
    }
    findCredentials(email) {
        return this.tx.db.user.findUnique({ where: { email }, select: { ...USER_FIELDS, passwordHash: true } });
    }
    updateUser(id, data) {
        return this.tx.db.user.update({ where: { id }, data, select: USER_FIELDS });
    }
    /**
     * Counts one attempt against a throttle key and returns the new count. The counter restarts when its window
     * has passed. One statement, so concurrent attempts each see a distinct count and none slips past the limit.
     */
    async countAttempt(key, windowSeconds) {
        const rows = await this.tx.db.$queryRaw `
      INSERT INTO login_throttle (key, failures, expires_at)
      VALUES (${key}, 1, now() + make_interval(secs => ${windowSeconds}))
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN login_throttle.expires_at <= now() THEN 1 ELSE login_throttle.failures + 1 END,
        expires_at = CASE WHEN login_throttle.expires_at <= now() THEN EXCLUDED.expires_at
                          ELSE login_throttle.expires_at END
      RETURNING failures, expires_at`;
        return { count: rows[0].failures, expiresAt: rows[0].expires_at };
    }
    async clearAttempts(key) {
        await this.tx.db.loginThrottle.deleteMany({ where: { key } });
    }
    rolesOf(userId) {
        return this.tx.db.roleGrant.findMany({
            where: { userId },
            select: { role: true, event: { select: { slug: true, name: true } } },
            orderBy: [{ createdAt: 'asc' }],
        });
    }
};
exports.AuthRepository = AuthRepository;
exports.AuthRepository = AuthRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [transaction_host_1.TransactionHost])
], AuthRepository);
//# sourceMappingURL=auth.repository.js.map