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
exports.RegistrationsRepository = exports.REGISTRATION_FIELDS = void 0;
exports.seatRefusal = seatRefusal;
exports.isActiveRegistrationConflict = isActiveRegistrationConflict;
const common_1 = require("@nestjs/common");
const client_1 = require("../../../../libs/database/generated/client");
const transaction_host_1 = require("../../../../libs/database/transaction.host");
exports.REGISTRATION_FIELDS = {
    id: true,
    eventId: true,
    userId: true,
    ticketTypeId: true,
    voucherId: true,
    state: true,
    attendeeName: true,
    attendeeEmail: true,
    priceCents: true,
    currency: true,
    paidAt: true,
    badgeToken: true,
    consentToReport: true,
    country: true,
    companyName: true,
    companySize: true,
    jobFunction: true,
    industry: true,
    firstTimeAttendee: true,
    gender: true,
    waitlistedAt: true,
    offerExpiresAt: true,
    confirmedAt: true,
    cancelledAt: true,
    cancelReason: true,
    createdAt: true,
    ticketType: { select: { id: true, name: true, nameZh: true, category: true, attendance: true } },
};
/**
 * The seat-check trigger's refusal (see the registration migration), carried by the failed commit. It runs at
 * commit, so it reaches us however the driver adapter wrapped the commit's error.
 */
function seatRefusal(error) {
    if (!(error instanceof Error))
        return null;
    const match = /LECTERN:(SOLD_OUT|NOT_FULL|WAITLIST_FIRST|VOUCHER_EXHAUSTED)/.exec(`${error.message} ${JSON.stringify(error)}`);
    return match ? match[1] : null;
}
/** True when the insert met the one-active-registration-per-attendee index (SQLSTATE 23505 on it). */
function isActiveRegistrationConflict(error) {
    return error instanceof Error && JSON.stringify({ m: error.message, e: error }).includes('registrations_event_id_user_id_active_key');
}
let RegistrationsRepository = class RegistrationsRepository {
    tx;
    constructor(tx) {
        this.tx = tx;
    }
    /**
     * The event with the caller's roles in it, the ticket type (if it belongs to the event) and the use of its
     * limits at `now`, in one statement: most registration attempts when a conference opens are refused as sold
     * out, and this is all such a refusal costs.
     */
    async context(slug, userId, ticketTypeId, now) {
        const rows = await this.tx.db.$queryRaw `
      SELECT e.id::text AS event_id, e.status,
        ARRAY(SELECT g.role::text FROM role_grants g WHERE g.event_id = e.id AND g.user_id = ${userId}::uuid) AS roles,
        CASE WHEN t.id IS NULL THEN NULL ELSE json_build_object(
          'id', t.id, 'name', t.name, 'nameZh', t.name_zh, 'category', t.category, 'attendance', t.attendance,
          'priceCents', t.price_cents, 'currency', t.currency, 'salesStartAt', t.sales_start_at,
          'salesEndAt', t.sales_end_at, 'hidden', t.hidden) END AS type,
        CASE WHEN t.id IS NULL THEN NULL ELSE (
          SELECT json_agg(json_build_object('kind', u.kind, 'id', u.id, 'size', u.size, 'types', u.types,
            'taken', u.taken, 'held', u.held, 'expired', u.expired, 'waiting', u.waiting))
          FROM lectern_seat_usage(e.id, t.id, ${now}::timestamptz) u) END AS limits
      FROM events e LEFT JOIN ticket_types t ON t.id = ${ticketTypeId}::uuid AND t.event_id = e.id
      WHERE e.slug = ${slug}`;
        const row = rows[0];
        if (!row)
            return null;
        return {
            event: { id: row.event_id, status: row.status },
            roles: row.roles,
            type: row.type
                ? {
                    ...row.type,
                    salesStartAt: row.type.salesStartAt ? new Date(row.type.salesStartAt) : null,
                    salesEndAt: row.type.salesEndAt ? new Date(row.type.salesEndAt) : null,
                }
                : null,
            limits: row.limits ?? [],
        };
    }
    /**
     * One statement with the application's clock in created_at and updated_at (the seat check reads "now" from
     * updated_at). Whether a seat may be taken is decided by the seat-check trigger when the transaction commits.
     */
    async insert(row) {
        await this.tx.db.$executeRaw `
      INSERT INTO registrations (
        id, event_id, user_id, ticket_type_id, voucher_id, state, attendee_name, attendee_email, price_cents,
        currency, badge_token, consent_to_report, country, company_name, company_size, job_function, industry,
        first_time_attendee, gender, waitlisted_at, confirmed_at, created_at, updated_at)
      VALUES (${row.id}::uuid, ${row.eventId}::uuid, ${row.userId}::uuid, ${row.ticketTypeId}::uuid, ${row.voucherId}::uuid,
        ${row.state}::"RegistrationState", ${row.attendeeName}, ${row.attendeeEmail}, ${row.priceCents}, ${row.currency},
        ${row.badgeToken}, ${row.consentToReport}, ${row.country}, ${row.companyName}, ${row.companySize}::"CompanySize",
        ${row.jobFunction}::"JobFunction", ${row.industry}::"Industry", ${row.firstTimeAttendee}::boolean,
        ${row.gender}::"Gender", ${row.waitlistedAt}::timestamptz, ${row.confirmedAt}::timestamptz,
        ${row.createdAt}::timestamptz, ${row.createdAt}::timestamptz)`;
    }
    find(eventId, id) {
        return this.tx.db.registration.findFirst({ where: { id, eventId }, select: exports.REGISTRATION_FIELDS });
    }
    /** The caller's newest registration for the event, cancelled or not. */
    findLatestOf(eventId, userId) {
        return this.tx.db.registration.findFirst({
            where: { eventId, userId },
            orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
            select: exports.REGISTRATION_FIELDS,
        });
    }
    listOfUser(userId) {
        return this.tx.db.registration.findMany({
            where: { userId },
            orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
            select: { ...exports.REGISTRATION_FIELDS, event: { select: { slug: true, name: true, nameZh: true } } },
        });
    }
    /** Row-locks the registration for the rest of the transaction, so two state changes cannot interleave. */
    async lockRow(eventId, id) {
        const rows = await this.tx.db.$queryRaw `
      SELECT state, offer_expires_at FROM registrations
      WHERE id = ${id}::uuid AND event_id = ${eventId}::uuid FOR UPDATE`;
        return rows[0] ? { state: rows[0].state, offerExpiresAt: rows[0].offer_expires_at } : null;
    }
    update(id, data) {
        return this.tx.db.registration.update({ where: { id }, data, select: exports.REGISTRATION_FIELDS });
    }
    cancel(id, reason, now) {
        return this.update(id, { state: client_1.RegistrationState.CANCELLED, cancelReason: reason, cancelledAt: now, offerExpiresAt: null });
    }
    /** Cancels every offer of the event whose time is up; returns what was cancelled. */
    async expireOffers(eventId, now) {
        const rows = await this.tx.db.$queryRaw `
      UPDATE registrations
      SET state = 'CANCELLED', cancel_reason = 'OFFER_EXPIRED', cancelled_at = ${now}::timestamptz,
          offer_expires_at = NULL, updated_at = ${now}::timestamptz
      WHERE event_id = ${eventId}::uuid AND state = 'WAITLISTED' AND offer_expires_at <= ${now}::timestamptz
      RETURNING id::text AS id`;
        return rows;
    }
    /** The longest-waiting entry without an offer whose ticket type is not blocked. */
    async nextWaiting(eventId, blockedTypeIds) {
        const rows = await this.tx.db.$queryRaw `
      SELECT id::text AS id, ticket_type_id::text AS ticket_type_id FROM registrations
      WHERE event_id = ${eventId}::uuid AND state = 'WAITLISTED' AND offer_expires_at IS NULL
        AND NOT (ticket_type_id = ANY(${blockedTypeIds}::uuid[]))
      ORDER BY waitlisted_at, id
      LIMIT 1`;
        return rows[0] ? { id: rows[0].id, ticketTypeId: rows[0].ticket_type_id } : null;
    }
    async offer(id, expiresAt, now) {
        await this.tx.db.registration.update({ where: { id }, data: { offerExpiresAt: expiresAt, updatedAt: now }, select: { id: true } });
    }
    /** Keyset page, oldest first; self-described fields are not selected at all. */
    listPage(eventId, filter, limit, after) {
        const conditions = [{ eventId }];
        if (filter.state)
            conditions.push({ state: filter.state });
        if (filter.ticketTypeId)
            conditions.push({ ticketTypeId: filter.ticketTypeId });
        if (filter.search) {
            conditions.push({
                OR: [
                    { attendeeName: { contains: filter.search, mode: 'insensitive' } },
                    { attendeeEmail: { contains: filter.search, mode: 'insensitive' } },
                ],
            });
        }
        if (after) {
            conditions.push({ OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] });
        }
        const where = { AND: conditions };
        return this.tx.db.registration.findMany({
            where,
            orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
            take: limit + 1,
            select: {
                id: true,
                state: true,
                attendeeName: true,
                attendeeEmail: true,
                priceCents: true,
                currency: true,
                paidAt: true,
                waitlistedAt: true,
                offerExpiresAt: true,
                confirmedAt: true,
                cancelledAt: true,
                cancelReason: true,
                createdAt: true,
                ticketType: { select: { id: true, name: true, nameZh: true, category: true, attendance: true } },
                _count: { select: { checkIns: true } },
            },
        });
    }
};
exports.RegistrationsRepository = RegistrationsRepository;
exports.RegistrationsRepository = RegistrationsRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [transaction_host_1.TransactionHost])
], RegistrationsRepository);
//# sourceMappingURL=registrations.repository.js.map