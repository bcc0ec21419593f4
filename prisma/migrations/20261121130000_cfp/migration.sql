-- Call for proposals: settings, session formats, tracks, custom questions and answers, speaker profiles,
-- submissions with their speakers, co-speaker invitations.

CREATE TYPE "SubmissionState" AS ENUM ('DRAFT', 'SUBMITTED', 'WITHDRAWN', 'ACCEPTED', 'REJECTED', 'WAITLISTED', 'CONFIRMED', 'DECLINED');
CREATE TYPE "SubmissionOrigin" AS ENUM ('CFP', 'INVITED');
CREATE TYPE "AudienceLevel" AS ENUM ('BEGINNER', 'INTERMEDIATE', 'ADVANCED');
CREATE TYPE "CfpQuestionType" AS ENUM ('TEXT', 'CHOICE', 'MULTI_CHOICE', 'NUMBER', 'BOOLEAN');
CREATE TYPE "CfpQuestionScope" AS ENUM ('SUBMISSION', 'SPEAKER');
CREATE TYPE "SpeakerRole" AS ENUM ('OWNER', 'CO_SPEAKER');
CREATE TYPE "InvitationStatus" AS ENUM ('PENDING', 'ACCEPTED', 'DECLINED', 'REVOKED');

-- Scalar lists are NOT NULL here because the client treats them as always present.
CREATE TABLE "cfp_settings" (
    "event_id" UUID NOT NULL,
    "opens_at" TIMESTAMPTZ(3) NOT NULL,
    "closes_at" TIMESTAMPTZ(3) NOT NULL,
    "max_submissions_per_speaker" INTEGER NOT NULL,
    "languages" TEXT[] NOT NULL DEFAULT ARRAY['en', 'zh-CN']::TEXT[],
    "code_prefix" TEXT NOT NULL,
    "last_code_number" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "cfp_settings_pkey" PRIMARY KEY ("event_id"),
    -- Not expressible in schema.prisma; the API validates the same rules first, these are the last line.
    CONSTRAINT "cfp_settings_window_check" CHECK ("closes_at" > "opens_at"),
    CONSTRAINT "cfp_settings_limit_check" CHECK ("max_submissions_per_speaker" >= 1),
    CONSTRAINT "cfp_settings_languages_check" CHECK (cardinality("languages") >= 1)
);

CREATE TABLE "session_formats" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_zh" TEXT,
    "description" TEXT,
    "duration_minutes" INTEGER NOT NULL,
    "max_speakers" INTEGER NOT NULL,
    "open_for_submissions" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "session_formats_pkey" PRIMARY KEY ("id"),
    -- Not expressible in schema.prisma.
    CONSTRAINT "session_formats_duration_check" CHECK ("duration_minutes" > 0),
    CONSTRAINT "session_formats_max_speakers_check" CHECK ("max_speakers" >= 1)
);
CREATE UNIQUE INDEX "session_formats_event_id_slug_key" ON "session_formats"("event_id", "slug");

CREATE TABLE "tracks" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_zh" TEXT,
    "description" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "tracks_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "tracks_event_id_slug_key" ON "tracks"("event_id", "slug");

CREATE TABLE "cfp_questions" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "scope" "CfpQuestionScope" NOT NULL,
    "type" "CfpQuestionType" NOT NULL,
    "label" TEXT NOT NULL,
    "label_zh" TEXT,
    "help_text" TEXT,
    "required" BOOLEAN NOT NULL DEFAULT false,
    "options" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "max_length" INTEGER,
    "position" INTEGER NOT NULL DEFAULT 0,
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "cfp_questions_pkey" PRIMARY KEY ("id"),
    -- Not expressible in schema.prisma: choice questions need options to choose from.
    CONSTRAINT "cfp_questions_options_check" CHECK ("type" NOT IN ('CHOICE', 'MULTI_CHOICE') OR cardinality("options") >= 1)
);
CREATE INDEX "cfp_questions_event_id_position_idx" ON "cfp_questions"("event_id", "position");

CREATE TABLE "cfp_answers" (
    "id" UUID NOT NULL,
    "question_id" UUID NOT NULL,
    "submission_id" UUID,
    "user_id" UUID,
    "value" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "cfp_answers_pkey" PRIMARY KEY ("id"),
    -- Not expressible in schema.prisma: an answer belongs to a submission or to a speaker, never both.
    CONSTRAINT "cfp_answers_owner_check" CHECK (num_nonnulls("submission_id", "user_id") = 1)
);
CREATE UNIQUE INDEX "cfp_answers_question_id_submission_id_key" ON "cfp_answers"("question_id", "submission_id");
CREATE UNIQUE INDEX "cfp_answers_question_id_user_id_key" ON "cfp_answers"("question_id", "user_id");
CREATE INDEX "cfp_answers_submission_id_idx" ON "cfp_answers"("submission_id");
CREATE INDEX "cfp_answers_user_id_idx" ON "cfp_answers"("user_id");

CREATE TABLE "speaker_profiles" (
    "user_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "bio" TEXT NOT NULL,
    "company" TEXT NOT NULL,
    "job_title" TEXT NOT NULL,
    "country" CHAR(2) NOT NULL,
    "pronouns" TEXT,
    "first_time_speaker" BOOLEAN NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "speaker_profiles_pkey" PRIMARY KEY ("user_id")
);

CREATE TABLE "submissions" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "origin" "SubmissionOrigin" NOT NULL DEFAULT 'CFP',
    "state" "SubmissionState" NOT NULL DEFAULT 'DRAFT',
    "title" TEXT NOT NULL,
    "abstract" TEXT,
    "description" TEXT,
    "format_id" UUID,
    "track_id" UUID,
    "level" "AudienceLevel",
    "language" TEXT,
    "submitted_at" TIMESTAMPTZ(3),
    "state_changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "submissions_pkey" PRIMARY KEY ("id"),
    -- Not expressible in schema.prisma: only drafts may be incomplete, and invited sessions start accepted.
    CONSTRAINT "submissions_complete_check" CHECK (
        "state" = 'DRAFT'
        OR ("abstract" IS NOT NULL AND "format_id" IS NOT NULL AND "language" IS NOT NULL AND "submitted_at" IS NOT NULL)
    ),
    CONSTRAINT "submissions_invited_check" CHECK ("origin" = 'CFP' OR "state" IN ('ACCEPTED', 'CONFIRMED', 'DECLINED'))
);
CREATE UNIQUE INDEX "submissions_event_id_code_key" ON "submissions"("event_id", "code");
CREATE INDEX "submissions_event_id_submitted_at_id_idx" ON "submissions"("event_id", "submitted_at", "id");
CREATE INDEX "submissions_format_id_idx" ON "submissions"("format_id");
CREATE INDEX "submissions_track_id_idx" ON "submissions"("track_id");

CREATE TABLE "submission_speakers" (
    "id" UUID NOT NULL,
    "submission_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "role" "SpeakerRole" NOT NULL,
    "first_time_speaker" BOOLEAN,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "submission_speakers_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "submission_speakers_submission_id_user_id_key" ON "submission_speakers"("submission_id", "user_id");
CREATE INDEX "submission_speakers_user_id_idx" ON "submission_speakers"("user_id");
-- Not expressible in schema.prisma: exactly one owner, who alone may submit and withdraw.
CREATE UNIQUE INDEX "submission_speakers_one_owner_key" ON "submission_speakers"("submission_id") WHERE "role" = 'OWNER';

CREATE TABLE "cospeaker_invitations" (
    "id" UUID NOT NULL,
    "submission_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "status" "InvitationStatus" NOT NULL DEFAULT 'PENDING',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "responded_at" TIMESTAMPTZ(3),
    CONSTRAINT "cospeaker_invitations_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "cospeaker_invitations_submission_id_idx" ON "cospeaker_invitations"("submission_id");
CREATE INDEX "cospeaker_invitations_email_status_idx" ON "cospeaker_invitations"("email", "status");
-- Not expressible in schema.prisma: inviting the same address twice while the first invitation is open.
CREATE UNIQUE INDEX "cospeaker_invitations_one_pending_key" ON "cospeaker_invitations"("submission_id", "email") WHERE "status" = 'PENDING';

ALTER TABLE "cfp_settings" ADD CONSTRAINT "cfp_settings_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "session_formats" ADD CONSTRAINT "session_formats_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "tracks" ADD CONSTRAINT "tracks_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "cfp_questions" ADD CONSTRAINT "cfp_questions_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "cfp_answers" ADD CONSTRAINT "cfp_answers_question_id_fkey" FOREIGN KEY ("question_id") REFERENCES "cfp_questions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "cfp_answers" ADD CONSTRAINT "cfp_answers_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "cfp_answers" ADD CONSTRAINT "cfp_answers_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "speaker_profiles" ADD CONSTRAINT "speaker_profiles_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_format_id_fkey" FOREIGN KEY ("format_id") REFERENCES "session_formats"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_track_id_fkey" FOREIGN KEY ("track_id") REFERENCES "tracks"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "submission_speakers" ADD CONSTRAINT "submission_speakers_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "submission_speakers" ADD CONSTRAINT "submission_speakers_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "cospeaker_invitations" ADD CONSTRAINT "cospeaker_invitations_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
