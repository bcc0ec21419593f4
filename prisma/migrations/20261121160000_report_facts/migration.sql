-- Event facts for the transparency report: sponsors by tier, community partners, media and analyst accreditations
-- with their working language, and facts typed in by organisers (press clippings, coverage counts).

CREATE TYPE "SponsorTier" AS ENUM ('STRATEGIC', 'DOUBLE_DIAMOND', 'DIAMOND', 'PLATINUM', 'GOLD', 'SILVER', 'BRONZE', 'START_UP', 'END_USER', 'SUPPORTER');
CREATE TYPE "MediaKind" AS ENUM ('MEDIA', 'ANALYST');
CREATE TYPE "EventFactKind" AS ENUM ('PRESS_CLIPPING', 'FIGURE', 'NOTE');

CREATE TABLE "sponsors" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "tier" "SponsorTier" NOT NULL,
    "website" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "sponsors_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "sponsors_event_id_name_key" ON "sponsors"("event_id", "name");
CREATE INDEX "sponsors_event_id_created_at_id_idx" ON "sponsors"("event_id", "created_at", "id");

CREATE TABLE "community_partners" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "website" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "community_partners_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "community_partners_event_id_name_key" ON "community_partners"("event_id", "name");
CREATE INDEX "community_partners_event_id_created_at_id_idx" ON "community_partners"("event_id", "created_at", "id");

CREATE TABLE "media_accreditations" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "outlet" TEXT NOT NULL,
    "kind" "MediaKind" NOT NULL,
    "language" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "media_accreditations_pkey" PRIMARY KEY ("id"),
    -- Not expressible in schema.prisma: the API normalises to a lower-case ISO 639 code first; this is the last line.
    CONSTRAINT "media_accreditations_language_check" CHECK ("language" ~ '^[a-z]{2,3}$')
);
CREATE INDEX "media_accreditations_event_id_created_at_id_idx" ON "media_accreditations"("event_id", "created_at", "id");

CREATE TABLE "event_facts" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "kind" "EventFactKind" NOT NULL,
    "label" TEXT NOT NULL,
    "label_zh" TEXT,
    "value" DOUBLE PRECISION,
    "source" TEXT,
    "url" TEXT,
    "published_on" DATE,
    "language" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "event_facts_pkey" PRIMARY KEY ("id"),
    -- Not expressible in schema.prisma; the API checks the same rules first, these are the last line.
    CONSTRAINT "event_facts_figure_value_check" CHECK ("kind" <> 'FIGURE' OR "value" IS NOT NULL),
    CONSTRAINT "event_facts_value_check" CHECK ("value" IS NULL OR "value" >= 0),
    CONSTRAINT "event_facts_language_check" CHECK ("language" IS NULL OR "language" ~ '^[a-z]{2,3}$')
);
CREATE INDEX "event_facts_event_id_created_at_id_idx" ON "event_facts"("event_id", "created_at", "id");

ALTER TABLE "sponsors" ADD CONSTRAINT "sponsors_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "community_partners" ADD CONSTRAINT "community_partners_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "media_accreditations" ADD CONSTRAINT "media_accreditations_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "event_facts" ADD CONSTRAINT "event_facts_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
