"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REPORT_JOB_ID = exports.NOTIFICATION_JOB_IDS = exports.EXPIRE_OFFERS_SCHEDULER_ID = exports.MAINTENANCE_SCHEDULER_ID = exports.JOB_OPTIONS = exports.JOB_QUEUE = exports.QUEUES = void 0;
exports.isMaintenanceSweep = isMaintenanceSweep;
exports.isExpireOffers = isExpireOffers;
exports.isNotificationDispatch = isNotificationDispatch;
exports.isNotificationDelivery = isNotificationDelivery;
exports.isReportGenerate = isReportGenerate;
/**
 * Every queue, job name, payload type and job option in one place. The API only enqueues through these names;
 * only the worker registers processors for them.
 */
exports.QUEUES = {
    maintenance: 'maintenance',
    registrations: 'registrations',
    notifications: 'notifications',
    reports: 'reports',
};
exports.JOB_QUEUE = {
    'maintenance.sweep': exports.QUEUES.maintenance,
    'registrations.expire-offers': exports.QUEUES.registrations,
    'notifications.dispatch': exports.QUEUES.notifications,
    'notifications.deliver': exports.QUEUES.notifications,
    'reports.generate': exports.QUEUES.reports,
};
exports.JOB_OPTIONS = {
    'maintenance.sweep': {
        attempts: 3,
        backoff: { type: 'exponential', delay: 1_000 },
        removeOnComplete: { count: 100 },
        removeOnFail: { count: 1_000 },
    },
    'registrations.expire-offers': {
        attempts: 3,
        backoff: { type: 'exponential', delay: 1_000 },
        removeOnComplete: { count: 100 },
        removeOnFail: { count: 1_000 },
    },
    // Postgres holds the state of every notification; a job id exists in Redis only while its job is live, so
    // re-adding the same id after a Redis loss creates the job again, and re-adding a live one changes nothing.
    'notifications.dispatch': {
        attempts: 5,
        backoff: { type: 'exponential', delay: 1_000 },
        removeOnComplete: true,
        removeOnFail: true,
    },
    // attempts and backoff.delay are replaced by NOTIFY_MAX_ATTEMPTS and NOTIFY_BACKOFF_MS when the worker adds it
    'notifications.deliver': {
        attempts: 8,
        backoff: { type: 'exponential', delay: 5_000 },
        removeOnComplete: true,
        removeOnFail: true,
    },
    // Postgres holds the report's state; removing finished jobs frees the id, so the stuck-report sweep can add the
    // job of a report again, while adding the id of a job still live in Redis changes nothing.
    'reports.generate': {
        attempts: 3,
        backoff: { type: 'exponential', delay: 5_000 },
        removeOnComplete: true,
        removeOnFail: true,
    },
};
/** The repeatable sweep's scheduler id: upserting it again replaces the schedule instead of adding another. */
exports.MAINTENANCE_SCHEDULER_ID = 'maintenance-sweep';
function isMaintenanceSweep(data) {
    return typeof data === 'object' && data !== null && typeof data.requestedAt === 'string';
}
/** The repeatable offer-expiry job's scheduler id (one schedule, whatever the number of worker starts). */
exports.EXPIRE_OFFERS_SCHEDULER_ID = 'registrations-expire-offers';
function isExpireOffers(data) {
    return isMaintenanceSweep(data);
}
/** Deterministic notification job ids (BullMQ ids must not contain ':' nor be all digits). */
exports.NOTIFICATION_JOB_IDS = {
    dispatch: (outboxId) => `outbox-${outboxId}`,
    deliver: (deliveryId, generation) => `delivery-${deliveryId}-${generation}`,
};
function isNotificationDispatch(data) {
    if (typeof data !== 'object' || data === null)
        return false;
    const { outboxId } = data;
    return typeof outboxId === 'string' && /^\d{1,19}$/.test(outboxId);
}
function isNotificationDelivery(data) {
    if (typeof data !== 'object' || data === null)
        return false;
    const { deliveryId, generation } = data;
    return typeof deliveryId === 'string' && Number.isInteger(generation) && generation >= 1;
}
/** One job id per report (BullMQ ids must not contain ':' nor be all digits): two adds never make two jobs. */
const REPORT_JOB_ID = (reportId) => `report-${reportId}`;
exports.REPORT_JOB_ID = REPORT_JOB_ID;
function isReportGenerate(data) {
    if (typeof data !== 'object' || data === null)
        return false;
    const { reportId } = data;
    return typeof reportId === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(reportId);
}
//# sourceMappingURL=queue.contract.js.map