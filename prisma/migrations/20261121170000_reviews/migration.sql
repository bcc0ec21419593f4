-- Review and decisions: review settings and criteria, reviewer tracks, declared conflicts of interest,
-- assignments, reviews with per-criterion scores, and the organisers' decisions with their release.

CREATE TYPE "ReviewDecision" AS ENUM ('ACCEPTED', 'REJECTED', 'WAITLISTED');

CREATE TABLE "review_settings" (
    "event_id" UUID NOT NULL,
    "scale_min" INTEGER NOT NULL DEFAULT 1,
    "scale_max" INTEGER NOT NULL DEFAULT 5,
    "reviews_per_submission" INTEGER NOT NULL DEFAULT 3,
    "anonymised" BOOLEAN NOT NULL DEFAULT true,
    "opens_at" TIMESTAMPTZ(3) NOT NULL,
    "closes_at" TIMESTAMPTZ(3) NOT NULL,
    "promote_from_waitlist" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "review_settings_pkey" PRIMARY KEY ("event_id"),
    -- Not expressible in schema.prisma; the API validates the same rules first, these are the last line.
    CONSTRAINT "review_settings_scale_check" CHECK ("scale_min" >= 0 AND "scale_max" > "scale_min" AND "scale_max" <= 100),
    CONSTRAINT "review_settings_reviews_check" CHECK ("reviews_per_submission" BETWEEN 1 AND 20),
    CONSTRAINT "review_settings_window_check" CHECK ("closes_at" > "opens_at")
);

CREATE TABLE "review_criteria" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_zh" TEXT,
    "description" TEXT,
    "weight" DOUBLE PRECISION NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "review_criteria_pkey" PRIMARY KEY ("id"),
    -- Not expressible in schema.prisma.
    CONSTRAINT "review_criteria_weight_check" CHECK ("weight" > 0)
);
CREATE UNIQUE INDEX "review_criteria_event_id_key_key" ON "review_criteria"("event_id", "key");

CREATE TABLE "reviewer_tracks" (
    "event_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "track_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "reviewer_tracks_pkey" PRIMARY KEY ("event_id", "user_id", "track_id")
);
CREATE INDEX "reviewer_tracks_user_id_idx" ON "reviewer_tracks"("user_id");
CREATE INDEX "reviewer_tracks_track_id_idx" ON "reviewer_tracks"("track_id");

CREATE TABLE "review_conflicts" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "reviewer_id" UUID NOT NULL,
    "submission_id" UUID NOT NULL,
    "reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "review_conflicts_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "review_conflicts_reviewer_id_submission_id_key" ON "review_conflicts"("reviewer_id", "submission_id");
CREATE INDEX "review_conflicts_event_id_idx" ON "review_conflicts"("event_id");
CREATE INDEX "review_conflicts_submission_id_idx" ON "review_conflicts"("submission_id");

CREATE TABLE "review_assignments" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "submission_id" UUID NOT NULL,
    "reviewer_id" UUID NOT NULL,
    "automatic" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "review_assignments_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "review_assignments_submission_id_reviewer_id_key" ON "review_assignments"("submission_id", "reviewer_id");
CREATE INDEX "review_assignments_event_id_reviewer_id_idx" ON "review_assignments"("event_id", "reviewer_id");
CREATE INDEX "review_assignments_reviewer_id_idx" ON "review_assignments"("reviewer_id");

CREATE TABLE "reviews" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "submission_id" UUID NOT NULL,
    "reviewer_id" UUID NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "confidence" INTEGER NOT NULL,
    "committee_comment" TEXT,
    "speaker_comment" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "reviews_pkey" PRIMARY KEY ("id"),
    -- Not expressible in schema.prisma.
    CONSTRAINT "reviews_confidence_check" CHECK ("confidence" BETWEEN 1 AND 3),
    CONSTRAINT "reviews_score_check" CHECK ("score" >= 0)
);
-- One review per reviewer per submission: two concurrent first reviews cannot both be inserted.
CREATE UNIQUE INDEX "reviews_submission_id_reviewer_id_key" ON "reviews"("submission_id", "reviewer_id");
CREATE INDEX "reviews_event_id_reviewer_id_idx" ON "reviews"("event_id", "reviewer_id");

CREATE TABLE "review_scores" (
    "review_id" UUID NOT NULL,
    "criterion_id" UUID NOT NULL,
    "score" INTEGER NOT NULL,
    CONSTRAINT "review_scores_pkey" PRIMARY KEY ("review_id", "criterion_id"),
    -- Not expressible in schema.prisma (the scale itself lives in review_settings and is checked by the API).
    CONSTRAINT "review_scores_score_check" CHECK ("score" >= 0)
);
CREATE INDEX "review_scores_criterion_id_idx" ON "review_scores"("criterion_id");

CREATE TABLE "submission_decisions" (
    "submission_id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "decision" "ReviewDecision" NOT NULL,
    "decided_at" TIMESTAMPTZ(3) NOT NULL,
    "released_at" TIMESTAMPTZ(3),
    CONSTRAINT "submission_decisions_pkey" PRIMARY KEY ("submission_id")
);
CREATE INDEX "submission_decisions_event_id_released_at_idx" ON "submission_decisions"("event_id", "released_at");

-- Not expressible in schema.prisma: the same-company conflict of interest compares companies case-insensitively
-- and without surrounding spaces; this index serves that comparison.
CREATE INDEX "speaker_profiles_company_normalised_idx" ON "speaker_profiles"(lower(btrim("company")));

ALTER TABLE "review_settings" ADD CONSTRAINT "review_settings_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "review_criteria" ADD CONSTRAINT "review_criteria_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "review_settings"("event_id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "reviewer_tracks" ADD CONSTRAINT "reviewer_tracks_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "reviewer_tracks" ADD CONSTRAINT "reviewer_tracks_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "reviewer_tracks" ADD CONSTRAINT "reviewer_tracks_track_id_fkey" FOREIGN KEY ("track_id") REFERENCES "tracks"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "review_conflicts" ADD CONSTRAINT "review_conflicts_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "review_conflicts" ADD CONSTRAINT "review_conflicts_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "review_conflicts" ADD CONSTRAINT "review_conflicts_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_submission_id_reviewer_id_fkey" FOREIGN KEY ("submission_id", "reviewer_id") REFERENCES "review_assignments"("submission_id", "reviewer_id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "review_scores" ADD CONSTRAINT "review_scores_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "review_scores" ADD CONSTRAINT "review_scores_criterion_id_fkey" FOREIGN KEY ("criterion_id") REFERENCES "review_criteria"("id") ON DELETE NO ACTION ON UPDATE CASCADE;
ALTER TABLE "submission_decisions" ADD CONSTRAINT "submission_decisions_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "submission_decisions" ADD CONSTRAINT "submission_decisions_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
