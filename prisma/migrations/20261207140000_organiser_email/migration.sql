-- E-mail that organisers control: their wording of each message type per edition (versioned), messages they
-- compose to an audience, and decision e-mails held for their review.

-- Every change is a new version; the latest version of (edition, template) is the one in force, and a version
-- with no texts is a reset to Lectern's default wording.
CREATE TABLE "email_template_versions" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "template" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "subject" JSONB,
    "body" JSONB,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_template_versions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "email_template_versions_texts_together" CHECK (("subject" IS NULL) = ("body" IS NULL))
);
CREATE UNIQUE INDEX "email_template_versions_event_id_template_version_key"
    ON "email_template_versions"("event_id", "template", "version");
ALTER TABLE "email_template_versions" ADD CONSTRAINT "email_template_versions_event_id_fkey"
    FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "email_template_versions" ADD CONSTRAINT "email_template_versions_created_by_id_fkey"
    FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- One message an organiser wrote, in each language of the edition, with the audience it goes to.
CREATE TABLE "composed_messages" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "subject" JSONB NOT NULL,
    "body" JSONB NOT NULL,
    "audience" JSONB NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "composed_messages_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "composed_messages_event_id_created_at_idx" ON "composed_messages"("event_id", "created_at");
ALTER TABLE "composed_messages" ADD CONSTRAINT "composed_messages_event_id_fkey"
    FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "composed_messages" ADD CONSTRAINT "composed_messages_created_by_id_fkey"
    FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Each time a composed message is sent: numbered per message (a second send is a second row, asked for
-- explicitly), with the one outbox row whose deliveries are unique per person (notification_deliveries'
-- (outbox_id, recipient_key) key).
CREATE TABLE "composed_message_sends" (
    "id" UUID NOT NULL,
    "message_id" UUID NOT NULL,
    "sequence" INTEGER NOT NULL,
    "outbox_id" BIGINT NOT NULL,
    "recipients" INTEGER NOT NULL,
    "sent_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "composed_message_sends_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "composed_message_sends_message_id_sequence_key" ON "composed_message_sends"("message_id", "sequence");
CREATE UNIQUE INDEX "composed_message_sends_outbox_id_key" ON "composed_message_sends"("outbox_id");
ALTER TABLE "composed_message_sends" ADD CONSTRAINT "composed_message_sends_message_id_fkey"
    FOREIGN KEY ("message_id") REFERENCES "composed_messages"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "composed_message_sends" ADD CONSTRAINT "composed_message_sends_outbox_id_fkey"
    FOREIGN KEY ("outbox_id") REFERENCES "outbox"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "composed_message_sends" ADD CONSTRAINT "composed_message_sends_sent_by_id_fkey"
    FOREIGN KEY ("sent_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- An edition's e-mail settings; no row means the defaults.
CREATE TABLE "email_settings" (
    "event_id" UUID NOT NULL,
    "hold_decisions" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_settings_pkey" PRIMARY KEY ("event_id")
);
ALTER TABLE "email_settings" ADD CONSTRAINT "email_settings_event_id_fkey"
    FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A held decision e-mail waits for the organisers; the relay queues only PENDING ones.
ALTER TYPE "NotificationStatus" ADD VALUE 'HELD';
