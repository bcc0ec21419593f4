-- An edition over its whole life (issue 15): postponements, reschedulings, cancellations and moves online are
-- recorded as changes; refunds owed are recorded on registrations; people may give their time zone.

CREATE TYPE "EditionChangeKind" AS ENUM ('POSTPONED', 'RESCHEDULED', 'CANCELLED', 'MOVED_ONLINE');

CREATE TABLE "edition_changes" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "kind" "EditionChangeKind" NOT NULL,
    "from_starts_at" TIMESTAMPTZ(3) NOT NULL,
    "from_ends_at" TIMESTAMPTZ(3) NOT NULL,
    -- null: the new dates are to be announced
    "to_starts_at" TIMESTAMPTZ(3),
    "to_ends_at" TIMESTAMPTZ(3),
    "from_format" "EventFormat" NOT NULL,
    "to_format" "EventFormat" NOT NULL,
    "windows_shifted" BOOLEAN NOT NULL DEFAULT false,
    "registrations_cancelled" INTEGER NOT NULL DEFAULT 0,
    "actor_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "edition_changes_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "edition_changes_dates" CHECK (("to_starts_at" IS NULL) = ("to_ends_at" IS NULL) AND ("to_ends_at" IS NULL OR "to_ends_at" >= "to_starts_at"))
);
CREATE INDEX "edition_changes_event_id_created_at_idx" ON "edition_changes"("event_id", "created_at");
CREATE INDEX "edition_changes_actor_id_idx" ON "edition_changes"("actor_id");
ALTER TABLE "edition_changes" ADD CONSTRAINT "edition_changes_event_id_fkey"
    FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "edition_changes" ADD CONSTRAINT "edition_changes_actor_id_fkey"
    FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- What an attendee is owed back (in the registration's currency); null when nothing was decided about a refund.
ALTER TABLE "registrations" ADD COLUMN "refund_due_cents" INTEGER;
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_refund_due" CHECK ("refund_due_cents" IS NULL OR ("refund_due_cents" >= 0 AND "refund_due_cents" <= "price_cents"));

-- An attendee who registered before a postponement and cancels afterwards is owed what they paid, whichever path
-- cancels the registration; a trigger so that no cancellation path can forget it.
CREATE FUNCTION "registrations_refund_after_postponement"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW."state" = 'CANCELLED' AND OLD."state" <> 'CANCELLED' AND NEW."refund_due_cents" IS NULL
       AND EXISTS (SELECT 1 FROM "edition_changes" c
                    WHERE c."event_id" = NEW."event_id" AND c."kind" IN ('POSTPONED', 'RESCHEDULED')
                      AND c."created_at" > NEW."created_at") THEN
        NEW."refund_due_cents" := CASE WHEN NEW."paid_at" IS NOT NULL THEN NEW."price_cents" ELSE 0 END;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER "registrations_refund_after_postponement" BEFORE UPDATE OF "state" ON "registrations"
    FOR EACH ROW EXECUTE FUNCTION "registrations_refund_after_postponement"();

ALTER TABLE "users" ADD COLUMN "time_zone" TEXT;
