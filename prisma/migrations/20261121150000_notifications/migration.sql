-- Notifications: the relay's bookkeeping per outbox row and one delivery row per (outbox row, recipient).

CREATE TYPE "NotificationDispatchStatus" AS ENUM ('QUEUED', 'DONE', 'FAILED');
CREATE TYPE "NotificationStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED');

CREATE TABLE "notification_dispatches" (
    "outbox_id" BIGINT NOT NULL,
    "status" "NotificationDispatchStatus" NOT NULL DEFAULT 'QUEUED',
    "queued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "done_at" TIMESTAMPTZ(3),
    "recipients" INTEGER,
    "last_error" TEXT,
    CONSTRAINT "notification_dispatches_pkey" PRIMARY KEY ("outbox_id")
);
CREATE INDEX "notification_dispatches_status_queued_at_idx" ON "notification_dispatches"("status", "queued_at");

CREATE TABLE "notification_deliveries" (
    "id" UUID NOT NULL,
    "outbox_id" BIGINT NOT NULL,
    "event_id" UUID,
    "recipient_key" TEXT NOT NULL,
    "recipient_user_id" UUID,
    "recipient_email" TEXT NOT NULL,
    "recipient_name" TEXT,
    "language" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "context" JSONB NOT NULL,
    "status" "NotificationStatus" NOT NULL DEFAULT 'PENDING',
    "generation" INTEGER NOT NULL DEFAULT 1,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "enqueued_at" TIMESTAMPTZ(3),
    "claimed_at" TIMESTAMPTZ(3),
    "sent_at" TIMESTAMPTZ(3),
    "failed_at" TIMESTAMPTZ(3),
    "message_id" TEXT,
    "provider_message_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "notification_deliveries_pkey" PRIMARY KEY ("id"),
    -- Not expressible in schema.prisma: the states the delivery pipeline relies on, enforced as the last line.
    CONSTRAINT "notification_deliveries_language_check" CHECK ("language" IN ('en', 'zh-CN')),
    CONSTRAINT "notification_deliveries_counts_check" CHECK ("generation" >= 1 AND "attempts" >= 0),
    CONSTRAINT "notification_deliveries_sent_check" CHECK ("status" <> 'SENT' OR "sent_at" IS NOT NULL),
    CONSTRAINT "notification_deliveries_sending_check" CHECK ("status" <> 'SENDING' OR "claimed_at" IS NOT NULL)
);
CREATE UNIQUE INDEX "notification_deliveries_outbox_id_recipient_key_key" ON "notification_deliveries"("outbox_id", "recipient_key");
CREATE INDEX "notification_deliveries_event_id_created_at_id_idx" ON "notification_deliveries"("event_id", "created_at", "id");
CREATE INDEX "notification_deliveries_event_id_status_idx" ON "notification_deliveries"("event_id", "status");
CREATE INDEX "notification_deliveries_status_enqueued_at_idx" ON "notification_deliveries"("status", "enqueued_at");
CREATE INDEX "notification_deliveries_recipient_user_id_idx" ON "notification_deliveries"("recipient_user_id");

ALTER TABLE "notification_dispatches" ADD CONSTRAINT "notification_dispatches_outbox_id_fkey" FOREIGN KEY ("outbox_id") REFERENCES "outbox"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_recipient_user_id_fkey" FOREIGN KEY ("recipient_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
