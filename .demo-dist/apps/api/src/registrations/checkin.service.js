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
exports.CheckInService = void 0;
exports.dayIn = dayIn;
const common_1 = require("@nestjs/common");
const audit_repository_1 = require("../../../../libs/audit/audit.repository");
const clock_1 = require("../../../../libs/clock/clock");
const client_1 = require("../../../../libs/database/generated/client");
const transaction_host_1 = require("../../../../libs/database/transaction.host");
const checkin_repository_1 = require("./checkin.repository");
const registrations_errors_1 = require("./registrations.errors");
/** The calendar day (YYYY-MM-DD) of an instant in an IANA time zone. */
function dayIn(timeZone, instant) {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}
let CheckInService = class CheckInService {
    checkIns;
    audit;
    tx;
    clock;
    constructor(checkIns, audit, tx, clock) {
        this.checkIns = checkIns;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }
    /**
     * Scans a badge of this event. Only confirmed registrations get in; a second scan the same day records nothing
     * and says so. A badge of another event is unknown here.
     */
    async scan(actor, access, badgeToken) {
        const registration = await this.checkIns.findByBadge(access.event.id, badgeToken);
        if (!registration)
            throw registrations_errors_1.RegistrationErrors.badgeNotFound();
        if (registration.state === client_1.RegistrationState.CANCELLED)
            throw registrations_errors_1.RegistrationErrors.checkInCancelled();
        if (registration.state !== client_1.RegistrationState.CONFIRMED)
            throw registrations_errors_1.RegistrationErrors.checkInNotConfirmed(registration.state);
        const now = this.clock.now();
        const day = dayIn(access.event.timezone, now);
        return this.tx.run(async () => {
            const result = await this.checkIns.checkIn(access.event.id, registration.id, day, now, actor.id);
            if (result.created) {
                await this.audit.record({
                    eventId: access.event.id,
                    actorId: actor.id,
                    requestId: actor.requestId,
                    action: 'registration.checked_in',
                    entityType: 'registration',
                    entityId: registration.id,
                    after: { day },
                });
            }
            return {
                created: result.created,
                view: {
                    registrationId: registration.id,
                    attendeeName: registration.attendeeName,
                    ticketType: registration.ticketType,
                    day,
                    checkedInAt: result.checkedInAt,
                    alreadyCheckedIn: !result.created,
                },
            };
        });
    }
    async attendance(access) {
        const { days, confirmed } = await this.checkIns.attendance(access.event.id);
        return { confirmed, days: days.map((d) => ({ day: d.day, checkedIn: d.count })) };
    }
};
exports.CheckInService = CheckInService;
exports.CheckInService = CheckInService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [checkin_repository_1.CheckInRepository,
        audit_repository_1.AuditRepository,
        transaction_host_1.TransactionHost,
        clock_1.Clock])
], CheckInService);
//# sourceMappingURL=checkin.service.js.map