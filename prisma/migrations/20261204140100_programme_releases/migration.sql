-- Released versions of the schedule: frozen, numbered per edition (the unique key makes two concurrent releases
-- of one version impossible), each with its changelog against the previous one.

CREATE TABLE "schedule_releases" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "event_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "released_at" TIMESTAMPTZ(3) NOT NULL,
    "released_by" UUID,
    "comment" TEXT,
    "sessions" JSONB NOT NULL,
    "changelog" JSONB NOT NULL,
    CONSTRAINT "schedule_releases_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "schedule_releases_version_check" CHECK ("version" > 0)
);
CREATE UNIQUE INDEX "schedule_releases_event_id_version_key" ON "schedule_releases"("event_id", "version");
ALTER TABLE "schedule_releases" ADD CONSTRAINT "schedule_releases_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
