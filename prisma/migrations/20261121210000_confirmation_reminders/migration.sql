-- How long accepted speakers have to confirm or decline, and how many days before that deadline the owner is
-- reminded (0: never). Existing events get the defaults the API gives a new one.
ALTER TABLE "review_settings"
    ADD COLUMN "confirmation_days" INTEGER NOT NULL DEFAULT 14,
    ADD COLUMN "confirmation_reminder_days" INTEGER NOT NULL DEFAULT 3,
    -- Not expressible in schema.prisma; the API validates the same rules first, this is the last line.
    ADD CONSTRAINT "review_settings_confirmation_check"
        CHECK ("confirmation_days" BETWEEN 1 AND 90 AND "confirmation_reminder_days" >= 0
               AND "confirmation_reminder_days" < "confirmation_days");

-- When the worker published the submission's confirmation reminder. The sweep sets it in the transaction that
-- publishes, only where it is still NULL, so two workers sweeping at once remind a speaker once.
ALTER TABLE "submissions" ADD COLUMN "confirmation_reminded_at" TIMESTAMPTZ(3);

-- What the sweep looks at: accepted talks not reminded yet, a small share of all submissions.
CREATE INDEX "submissions_awaiting_reminder_idx" ON "submissions" ("event_id")
    WHERE "state" = 'ACCEPTED' AND "confirmation_reminded_at" IS NULL;
