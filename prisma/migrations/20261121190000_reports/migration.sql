-- Transparency reports: one row per request (queued by the API, produced by the worker) and one PDF per language.

CREATE TYPE "ReportStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');

CREATE TABLE "reports" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "status" "ReportStatus" NOT NULL DEFAULT 'QUEUED',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "privacy_threshold" INTEGER NOT NULL,
    "requested_by_id" UUID,
    "failure_reason" TEXT,
    "last_error" TEXT,
    "run_id" UUID,
    "queued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "heartbeat_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "generated_at" TIMESTAMPTZ(3),
    "published_at" TIMESTAMPTZ(3),
    "report_json" TEXT,
    "json_sha256" CHAR(64),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "reports_pkey" PRIMARY KEY ("id"),
    -- Not expressible in schema.prisma; the worker and the API keep to the same rules, these are the last line.
    CONSTRAINT "reports_progress_check" CHECK ("progress" BETWEEN 0 AND 100),
    CONSTRAINT "reports_attempts_check" CHECK ("attempts" >= 0),
    CONSTRAINT "reports_privacy_threshold_check" CHECK ("privacy_threshold" >= 1),
    -- A finished report has its JSON; only a finished report can be published; only a failed one has a reason.
    CONSTRAINT "reports_succeeded_check" CHECK (
        "status" <> 'SUCCEEDED' OR ("report_json" IS NOT NULL AND "json_sha256" IS NOT NULL AND "generated_at" IS NOT NULL)
    ),
    CONSTRAINT "reports_published_check" CHECK ("published_at" IS NULL OR "status" = 'SUCCEEDED'),
    CONSTRAINT "reports_failure_check" CHECK (("status" = 'FAILED') = ("failure_reason" IS NOT NULL))
);
CREATE INDEX "reports_event_id_created_at_id_idx" ON "reports"("event_id", "created_at", "id");
CREATE INDEX "reports_status_heartbeat_at_idx" ON "reports"("status", "heartbeat_at");
CREATE INDEX "reports_requested_by_id_idx" ON "reports"("requested_by_id");
-- Not expressible in schema.prisma: at most one report per event is waiting or being produced, so two requests
-- arriving together start one job (the second request gets the first one's report back).
CREATE UNIQUE INDEX "reports_event_id_active_key" ON "reports"("event_id") WHERE "status" IN ('QUEUED', 'RUNNING');

CREATE TABLE "report_files" (
    "report_id" UUID NOT NULL,
    "language" TEXT NOT NULL,
    "pdf" BYTEA NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "report_files_pkey" PRIMARY KEY ("report_id", "language"),
    -- Not expressible in schema.prisma: the report's two language editions, nothing else.
    CONSTRAINT "report_files_language_check" CHECK ("language" IN ('en', 'zh-CN')),
    CONSTRAINT "report_files_size_check" CHECK ("size_bytes" = octet_length("pdf"))
);

ALTER TABLE "reports" ADD CONSTRAINT "reports_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "reports" ADD CONSTRAINT "reports_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "report_files" ADD CONSTRAINT "report_files_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;
