-- What each speaker lets the public programme show of their profile (the name only, unless they say more; their
-- e-mail never), the sessions attendees mark, and the personal iCal feed of those marks behind a hashed token.

CREATE TABLE "speaker_publications" (
    "user_id" UUID NOT NULL,
    "publish_name" BOOLEAN NOT NULL DEFAULT true,
    "publish_company" BOOLEAN NOT NULL DEFAULT false,
    "publish_job_title" BOOLEAN NOT NULL DEFAULT false,
    "publish_bio" BOOLEAN NOT NULL DEFAULT false,
    "publish_photo" BOOLEAN NOT NULL DEFAULT false,
    "photo_url" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "speaker_publications_pkey" PRIMARY KEY ("user_id"),
    CONSTRAINT "speaker_publications_photo_check" CHECK (NOT "publish_photo" OR "photo_url" IS NOT NULL),
    CONSTRAINT "speaker_publications_photo_url_check" CHECK ("photo_url" IS NULL OR "photo_url" ~ '^https://')
);
ALTER TABLE "speaker_publications" ADD CONSTRAINT "speaker_publications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "session_interests" (
    "event_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "submission_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "session_interests_pkey" PRIMARY KEY ("user_id", "submission_id")
);
CREATE INDEX "session_interests_event_id_submission_id_idx" ON "session_interests"("event_id", "submission_id");
CREATE INDEX "session_interests_submission_id_idx" ON "session_interests"("submission_id");
ALTER TABLE "session_interests" ADD CONSTRAINT "session_interests_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "session_interests" ADD CONSTRAINT "session_interests_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "session_interests" ADD CONSTRAINT "session_interests_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Only the SHA-256 of the token is kept: a leaked table names no feed. Rotating replaces the row's hash.
-- changed_at moves on every mark and unmark, so the feed's Last-Modified also sees a session unmarked.
CREATE TABLE "interest_feeds" (
    "event_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "interest_feeds_pkey" PRIMARY KEY ("event_id", "user_id")
);
CREATE UNIQUE INDEX "interest_feeds_token_hash_key" ON "interest_feeds"("token_hash");
CREATE INDEX "interest_feeds_user_id_idx" ON "interest_feeds"("user_id");
ALTER TABLE "interest_feeds" ADD CONSTRAINT "interest_feeds_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "interest_feeds" ADD CONSTRAINT "interest_feeds_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
