-- Programme: rooms, the edition's days, non-talk blocks, the draft schedule and speakers' availability.
-- A room never holds two sessions at once: the exclusion constraint on schedule_placements refuses an overlapping
-- range in the same room whatever the code path or concurrency (SQLSTATE 23P01, mapped to a 409 problem).

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TYPE "ScheduleBlockKind" AS ENUM ('BREAK', 'LUNCH', 'SETUP', 'COLOCATED', 'OTHER');

CREATE TABLE "rooms" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "event_id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" JSONB NOT NULL,
    "capacity" INTEGER NOT NULL,
    "livestreamed" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "rooms_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "rooms_capacity_check" CHECK ("capacity" > 0),
    CONSTRAINT "rooms_name_object_check" CHECK (jsonb_typeof("name") = 'object')
);
CREATE UNIQUE INDEX "rooms_event_id_slug_key" ON "rooms"("event_id", "slug");
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "schedule_days" (
    "event_id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "opens_at" TIMESTAMPTZ(3) NOT NULL,
    "closes_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "schedule_days_pkey" PRIMARY KEY ("event_id", "date"),
    CONSTRAINT "schedule_days_hours_check" CHECK ("closes_at" > "opens_at")
);
ALTER TABLE "schedule_days" ADD CONSTRAINT "schedule_days_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "schedule_blocks" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "event_id" UUID NOT NULL,
    "room_id" UUID,
    "kind" "ScheduleBlockKind" NOT NULL,
    "name" JSONB NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "schedule_blocks_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "schedule_blocks_range_check" CHECK ("ends_at" > "starts_at"),
    CONSTRAINT "schedule_blocks_name_object_check" CHECK (jsonb_typeof("name") = 'object')
);
CREATE INDEX "schedule_blocks_event_id_starts_at_idx" ON "schedule_blocks"("event_id", "starts_at");
ALTER TABLE "schedule_blocks" ADD CONSTRAINT "schedule_blocks_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "schedule_blocks" ADD CONSTRAINT "schedule_blocks_room_id_fkey" FOREIGN KEY ("room_id") REFERENCES "rooms"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "schedule_placements" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "event_id" UUID NOT NULL,
    "submission_id" UUID NOT NULL,
    "room_id" UUID NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "length_minutes" INTEGER,
    "pinned" BOOLEAN NOT NULL DEFAULT false,
    "expected_audience" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "schedule_placements_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "schedule_placements_range_check" CHECK ("ends_at" > "starts_at"),
    CONSTRAINT "schedule_placements_length_check" CHECK ("length_minutes" IS NULL OR "length_minutes" > 0),
    CONSTRAINT "schedule_placements_audience_check" CHECK ("expected_audience" IS NULL OR "expected_audience" >= 0),
    -- half-open ranges: a session may start the minute the previous one ends
    CONSTRAINT "schedule_placements_room_overlap" EXCLUDE USING gist ("room_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&)
);
CREATE UNIQUE INDEX "schedule_placements_submission_id_key" ON "schedule_placements"("submission_id");
CREATE INDEX "schedule_placements_event_id_starts_at_idx" ON "schedule_placements"("event_id", "starts_at");
CREATE INDEX "schedule_placements_room_id_idx" ON "schedule_placements"("room_id");
ALTER TABLE "schedule_placements" ADD CONSTRAINT "schedule_placements_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "schedule_placements" ADD CONSTRAINT "schedule_placements_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "schedule_placements" ADD CONSTRAINT "schedule_placements_room_id_fkey" FOREIGN KEY ("room_id") REFERENCES "rooms"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "speaker_availability" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "event_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "timezone" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "speaker_availability_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "speaker_availability_range_check" CHECK ("ends_at" > "starts_at")
);
CREATE INDEX "speaker_availability_event_id_user_id_idx" ON "speaker_availability"("event_id", "user_id");
CREATE INDEX "speaker_availability_user_id_idx" ON "speaker_availability"("user_id");
ALTER TABLE "speaker_availability" ADD CONSTRAINT "speaker_availability_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "speaker_availability" ADD CONSTRAINT "speaker_availability_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
