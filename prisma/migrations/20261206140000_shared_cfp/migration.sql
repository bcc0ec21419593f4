-- One CFP for several editions (issue 15): a group of editions shares the CFP and review of its host edition;
-- each proposal is offered to some of them and decided, released and confirmed per edition.

CREATE TYPE "OfferResponse" AS ENUM ('CONFIRMED', 'DECLINED');

CREATE TABLE "cfp_groups" (
    "id" UUID NOT NULL,
    "host_event_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "cfp_groups_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "cfp_groups_host_event_id_key" ON "cfp_groups"("host_event_id");
ALTER TABLE "cfp_groups" ADD CONSTRAINT "cfp_groups_host_event_id_fkey"
    FOREIGN KEY ("host_event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "cfp_group_editions" (
    "event_id" UUID NOT NULL,
    "group_id" UUID NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "cfp_group_editions_pkey" PRIMARY KEY ("event_id")
);
CREATE INDEX "cfp_group_editions_group_id_idx" ON "cfp_group_editions"("group_id");
ALTER TABLE "cfp_group_editions" ADD CONSTRAINT "cfp_group_editions_group_id_fkey"
    FOREIGN KEY ("group_id") REFERENCES "cfp_groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "cfp_group_editions" ADD CONSTRAINT "cfp_group_editions_event_id_fkey"
    FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "submission_offers" (
    "submission_id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "decision" "ReviewDecision",
    "decided_at" TIMESTAMPTZ(3),
    "released_at" TIMESTAMPTZ(3),
    "response" "OfferResponse",
    "responded_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "submission_offers_pkey" PRIMARY KEY ("submission_id", "event_id"),
    -- A release needs a decision, and only a released acceptance can be answered.
    CONSTRAINT "submission_offers_released_decided" CHECK ("released_at" IS NULL OR "decision" IS NOT NULL),
    CONSTRAINT "submission_offers_response_accepted" CHECK (
        ("response" IS NULL) = ("responded_at" IS NULL)
        AND ("response" IS NULL OR ("decision" = 'ACCEPTED' AND "released_at" IS NOT NULL)))
);
CREATE INDEX "submission_offers_event_id_released_at_idx" ON "submission_offers"("event_id", "released_at");
ALTER TABLE "submission_offers" ADD CONSTRAINT "submission_offers_submission_id_fkey"
    FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- An offer only to an edition of a group; an edition with offers cannot leave its group.
ALTER TABLE "submission_offers" ADD CONSTRAINT "submission_offers_event_id_fkey"
    FOREIGN KEY ("event_id") REFERENCES "cfp_group_editions"("event_id") ON DELETE RESTRICT ON UPDATE CASCADE;
