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
exports.CheckInRepository = void 0;
const common_1 = require("@nestjs/common");
const transaction_host_1 = require("../../../../libs/database/transaction.host");
let CheckInRepository = class CheckInRepository {
    tx;
    constructor(tx) {
        this.tx = tx;
    }
    findByBadge(eventId, badgeToken) {
        return this.tx.db.registration.findFirst({
            where: { eventId, badgeToken },
            select: {
                id: true,
                state: true,
                attendeeName: true,
                ticketType: { select: { id: true, name: true, nameZh: true, category: true, attendance: true } },
            },
        });
    }
    /**
     * Records the day's check-in unless there is one; the unique (registration, day) index decides, so two scans
     * at the same moment still make one row. Returns the row either way and whether this call made it.
     */
    async checkIn(eventId, registrationId, day, now, staffId) {
        const inserted = await this.tx.db.$queryRaw `
      INSERT INTO check_ins (id, event_id, registration_id, day, checked_in_at, staff_id)
      VALUES (gen_random_uuid(), ${eventId}::uuid, ${registrationId}::uuid, ${day}::date, ${now}::timestamptz, ${staffId}::uuid)
      ON CONFLICT (registration_id, day) DO NOTHING
      RETURNING checked_in_at`;
        if (inserted[0])
            return { created: true, checkedInAt: inserted[0].checked_in_at };
        const existing = await this.tx.db.$queryRaw `
      SELECT checked_in_at FROM check_ins WHERE registration_id = ${registrationId}::uuid AND day = ${day}::date`;
        return { created: false, checkedInAt: existing[0].checked_in_at };
    }
    /** Check-ins per event day, and how many registrations are confirmed (the denominator of a check-in rate). */
    async attendance(eventId) {
        const [days, confirmed] = await Promise.all([
            this.tx.db.$queryRaw `
        SELECT to_char(day, 'YYYY-MM-DD') AS day, count(*)::int AS count FROM check_ins
        WHERE event_id = ${eventId}::uuid GROUP BY day ORDER BY day`,
            this.tx.db.registration.count({ where: { eventId, state: 'CONFIRMED' } }),
        ]);
        return { days, confirmed };
    }
};
exports.CheckInRepository = CheckInRepository;
exports.CheckInRepository = CheckInRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [transaction_host_1.TransactionHost])
], CheckInRepository);
//# sourceMappingURL=checkin.repository.js.map