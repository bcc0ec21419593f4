-- The report, second edition (issue 20): what the organisers choose for their edition's transparency report, and
-- the unit of an entered figure ("viewers", "articles"), both translated like every organiser text.

CREATE TABLE "report_choices" (
    "event_id" UUID NOT NULL,
    "introduction" JSONB,
    "omitted_sections" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "top_countries" INTEGER NOT NULL DEFAULT 10,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "report_choices_pkey" PRIMARY KEY ("event_id"),
    CONSTRAINT "report_choices_top_countries_check" CHECK ("top_countries" BETWEEN 3 AND 30)
);
ALTER TABLE "report_choices" ADD CONSTRAINT "report_choices_event_id_fkey"
    FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "event_facts" ADD COLUMN "unit" JSONB;
