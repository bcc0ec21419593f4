-- Scholarships: programmes with a budget, applications, the committee's assignments and reviews, and awards
-- (travel grant and/or free registration).

CREATE TYPE "ScholarshipKind" AS ENUM ('DIVERSITY', 'NEED_BASED', 'STUDENT', 'SPEAKER', 'TRAVEL');
CREATE TYPE "ScholarshipApplicationState" AS ENUM ('SUBMITTED', 'WITHDRAWN');
CREATE TYPE "ScholarshipAwardState" AS ENUM ('OFFERED', 'ACCEPTED', 'DECLINED', 'REVOKED');

CREATE TABLE "scholarship_programmes" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_zh" TEXT,
    "description" TEXT,
    "kind" "ScholarshipKind" NOT NULL,
    "opens_at" TIMESTAMPTZ(3) NOT NULL,
    "closes_at" TIMESTAMPTZ(3) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "budget_minor" INTEGER NOT NULL,
    "travel_cap_minor" INTEGER NOT NULL DEFAULT 0,
    "ticket_type_id" UUID,
    "reviews_per_application" INTEGER NOT NULL DEFAULT 3,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "scholarship_programmes_pkey" PRIMARY KEY ("id"),
    -- Not expressible in schema.prisma; the API validates the same rules first, these are the last line.
    CONSTRAINT "scholarship_programmes_amounts_check" CHECK ("budget_minor" >= 0 AND "travel_cap_minor" >= 0),
    CONSTRAINT "scholarship_programmes_currency_check" CHECK ("currency" ~ '^[A-Z]{3}$'),
    CONSTRAINT "scholarship_programmes_window_check" CHECK ("closes_at" > "opens_at"),
    CONSTRAINT "scholarship_programmes_reviews_check" CHECK ("reviews_per_application" BETWEEN 1 AND 20),
    CONSTRAINT "scholarship_programmes_offer_check" CHECK ("travel_cap_minor" > 0 OR "ticket_type_id" IS NOT NULL)
);
CREATE UNIQUE INDEX "scholarship_programmes_event_id_key_key" ON "scholarship_programmes"("event_id", "key");
CREATE INDEX "scholarship_programmes_ticket_type_id_idx" ON "scholarship_programmes"("ticket_type_id");

CREATE TABLE "scholarship_applications" (
    "id" UUID NOT NULL,
    "programme_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "state" "ScholarshipApplicationState" NOT NULL DEFAULT 'SUBMITTED',
    "statement" TEXT NOT NULL,
    "contributions" TEXT,
    "requested_travel_minor" INTEGER NOT NULL DEFAULT 0,
    "travel_origin" CHAR(2) NOT NULL,
    "gender" "Gender",
    "first_time_attendee" BOOLEAN,
    "underrepresented" BOOLEAN,
    "background_note" TEXT,
    "consent_given_at" TIMESTAMPTZ(3) NOT NULL,
    "withdrawn_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "scholarship_applications_pkey" PRIMARY KEY ("id"),
    -- Not expressible in schema.prisma.
    CONSTRAINT "scholarship_applications_requested_check" CHECK ("requested_travel_minor" >= 0),
    CONSTRAINT "scholarship_applications_withdrawn_check" CHECK (("state" = 'WITHDRAWN') = ("withdrawn_at" IS NOT NULL))
);
CREATE UNIQUE INDEX "scholarship_applications_programme_id_user_id_key" ON "scholarship_applications"("programme_id", "user_id");
CREATE UNIQUE INDEX "scholarship_applications_id_programme_id_key" ON "scholarship_applications"("id", "programme_id");
CREATE INDEX "scholarship_applications_programme_id_created_at_id_idx" ON "scholarship_applications"("programme_id", "created_at", "id");
CREATE INDEX "scholarship_applications_user_id_idx" ON "scholarship_applications"("user_id");

CREATE TABLE "scholarship_assignments" (
    "application_id" UUID NOT NULL,
    "reviewer_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "scholarship_assignments_pkey" PRIMARY KEY ("application_id", "reviewer_id")
);
CREATE INDEX "scholarship_assignments_reviewer_id_idx" ON "scholarship_assignments"("reviewer_id");

CREATE TABLE "scholarship_reviews" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "reviewer_id" UUID NOT NULL,
    "score" INTEGER NOT NULL,
    "confidence" INTEGER NOT NULL,
    "comment" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "scholarship_reviews_pkey" PRIMARY KEY ("id"),
    -- Not expressible in schema.prisma.
    CONSTRAINT "scholarship_reviews_score_check" CHECK ("score" BETWEEN 1 AND 5),
    CONSTRAINT "scholarship_reviews_confidence_check" CHECK ("confidence" BETWEEN 1 AND 3)
);
CREATE UNIQUE INDEX "scholarship_reviews_application_id_reviewer_id_key" ON "scholarship_reviews"("application_id", "reviewer_id");
CREATE INDEX "scholarship_reviews_reviewer_id_idx" ON "scholarship_reviews"("reviewer_id");

CREATE TABLE "scholarship_awards" (
    "id" UUID NOT NULL,
    "programme_id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "state" "ScholarshipAwardState" NOT NULL DEFAULT 'OFFERED',
    "travel_grant_minor" INTEGER NOT NULL DEFAULT 0,
    "includes_registration" BOOLEAN NOT NULL,
    "registration_id" UUID,
    "awarded_by_id" UUID,
    "offered_at" TIMESTAMPTZ(3) NOT NULL,
    "responded_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "scholarship_awards_pkey" PRIMARY KEY ("id"),
    -- Not expressible in schema.prisma. An award gives something; only an award with a registration links one.
    CONSTRAINT "scholarship_awards_grant_check" CHECK ("travel_grant_minor" >= 0),
    CONSTRAINT "scholarship_awards_content_check" CHECK ("travel_grant_minor" > 0 OR "includes_registration"),
    CONSTRAINT "scholarship_awards_registration_check" CHECK ("registration_id" IS NULL OR "includes_registration")
);
CREATE INDEX "scholarship_awards_programme_id_state_idx" ON "scholarship_awards"("programme_id", "state");
CREATE INDEX "scholarship_awards_application_id_programme_id_idx" ON "scholarship_awards"("application_id", "programme_id");
CREATE INDEX "scholarship_awards_registration_id_idx" ON "scholarship_awards"("registration_id");
CREATE INDEX "scholarship_awards_awarded_by_id_idx" ON "scholarship_awards"("awarded_by_id");
-- Not expressible in schema.prisma: an application has at most one award that counts (offered or accepted); a
-- declined or revoked one does not stop the committee from awarding it again.
CREATE UNIQUE INDEX "scholarship_awards_application_id_active_key" ON "scholarship_awards"("application_id") WHERE "state" IN ('OFFERED', 'ACCEPTED');

ALTER TABLE "scholarship_programmes" ADD CONSTRAINT "scholarship_programmes_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "scholarship_programmes" ADD CONSTRAINT "scholarship_programmes_ticket_type_id_fkey" FOREIGN KEY ("ticket_type_id") REFERENCES "ticket_types"("id") ON DELETE NO ACTION ON UPDATE CASCADE;
ALTER TABLE "scholarship_applications" ADD CONSTRAINT "scholarship_applications_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "scholarship_programmes"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "scholarship_applications" ADD CONSTRAINT "scholarship_applications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "scholarship_assignments" ADD CONSTRAINT "scholarship_assignments_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "scholarship_applications"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "scholarship_assignments" ADD CONSTRAINT "scholarship_assignments_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "scholarship_reviews" ADD CONSTRAINT "scholarship_reviews_application_id_reviewer_id_fkey" FOREIGN KEY ("application_id", "reviewer_id") REFERENCES "scholarship_assignments"("application_id", "reviewer_id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "scholarship_awards" ADD CONSTRAINT "scholarship_awards_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "scholarship_programmes"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "scholarship_awards" ADD CONSTRAINT "scholarship_awards_application_id_programme_id_fkey" FOREIGN KEY ("application_id", "programme_id") REFERENCES "scholarship_applications"("id", "programme_id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "scholarship_awards" ADD CONSTRAINT "scholarship_awards_registration_id_fkey" FOREIGN KEY ("registration_id") REFERENCES "registrations"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "scholarship_awards" ADD CONSTRAINT "scholarship_awards_awarded_by_id_fkey" FOREIGN KEY ("awarded_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------------------------
-- The budget holds whatever code path writes an award (not expressible in schema.prisma).
--
-- The API locks the programme row, sums the grants of the awards that count (OFFERED, ACCEPTED) and refuses an
-- award that would exceed the budget. These triggers are the last line: an award that starts to count (or grows)
-- locks its programme row too, so competing awards of one programme run one after the other, and the sum, read
-- after the lock with a fresh snapshot, includes every award committed before. A refusal aborts the statement with
--   LECTERN:SCHOLARSHIP_BUDGET_EXCEEDED    the counting grants would exceed the budget
--   LECTERN:SCHOLARSHIP_GRANT_ABOVE_CAP    a new award's grant exceeds the programme's travel cap
--   LECTERN:SCHOLARSHIP_BUDGET_BELOW_COMMITTED  a budget lowered below the grants that count
-- A decline or revocation frees money and needs no lock.

CREATE FUNCTION "scholarship_awards_budget_check"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    budget integer;
    cap integer;
    committed bigint;
BEGIN
    SELECT p.budget_minor, p.travel_cap_minor INTO budget, cap
      FROM scholarship_programmes p WHERE p.id = NEW.programme_id FOR UPDATE;
    IF TG_OP = 'INSERT' AND NEW.travel_grant_minor > cap THEN
        RAISE EXCEPTION 'LECTERN:SCHOLARSHIP_GRANT_ABOVE_CAP';
    END IF;
    SELECT coalesce(sum(a.travel_grant_minor), 0) INTO committed
      FROM scholarship_awards a
     WHERE a.programme_id = NEW.programme_id AND a.state IN ('OFFERED', 'ACCEPTED');
    IF committed > budget THEN
        RAISE EXCEPTION 'LECTERN:SCHOLARSHIP_BUDGET_EXCEEDED';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER "scholarship_awards_budget_check_insert"
    AFTER INSERT ON "scholarship_awards"
    FOR EACH ROW WHEN (NEW.state IN ('OFFERED', 'ACCEPTED'))
    EXECUTE FUNCTION "scholarship_awards_budget_check"();

CREATE TRIGGER "scholarship_awards_budget_check_update"
    AFTER UPDATE OF "state", "travel_grant_minor", "programme_id" ON "scholarship_awards"
    FOR EACH ROW WHEN (
        NEW.state IN ('OFFERED', 'ACCEPTED')
        AND (OLD.state NOT IN ('OFFERED', 'ACCEPTED') OR NEW.travel_grant_minor > OLD.travel_grant_minor
             OR NEW.programme_id <> OLD.programme_id)
    )
    EXECUTE FUNCTION "scholarship_awards_budget_check"();

CREATE FUNCTION "scholarship_programmes_budget_check"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT coalesce(sum(a.travel_grant_minor), 0) FROM scholarship_awards a
         WHERE a.programme_id = NEW.id AND a.state IN ('OFFERED', 'ACCEPTED')) > NEW.budget_minor THEN
        RAISE EXCEPTION 'LECTERN:SCHOLARSHIP_BUDGET_BELOW_COMMITTED';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER "scholarship_programmes_budget_check"
    AFTER UPDATE OF "budget_minor" ON "scholarship_programmes"
    FOR EACH ROW WHEN (NEW.budget_minor < OLD.budget_minor)
    EXECUTE FUNCTION "scholarship_programmes_budget_check"();
