-- Scoped API tokens: a person's delegation to a program, for one edition or every edition of a series. Only the
-- SHA-256 of the secret is kept (the secret is 32 random bytes, so a fast hash is enough: nothing to brute-force).
CREATE TYPE "ApiTokenKind" AS ENUM ('INTEGRATION', 'CHECKIN_DEVICE');

CREATE TABLE "api_tokens" (
    "id" UUID NOT NULL,
    "kind" "ApiTokenKind" NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "display_prefix" TEXT NOT NULL,
    "created_by_id" UUID NOT NULL,
    "event_id" UUID,
    "series_id" UUID,
    "scopes" TEXT[] NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id"),
    -- one edition or one series, never both, never neither; a device token belongs to one edition
    CONSTRAINT "api_tokens_target_check" CHECK (num_nonnulls("event_id", "series_id") = 1),
    CONSTRAINT "api_tokens_device_check" CHECK ("kind" <> 'CHECKIN_DEVICE' OR "event_id" IS NOT NULL)
);

CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");
CREATE INDEX "api_tokens_created_by_id_idx" ON "api_tokens"("created_by_id");
CREATE INDEX "api_tokens_event_id_idx" ON "api_tokens"("event_id");
CREATE INDEX "api_tokens_series_id_idx" ON "api_tokens"("series_id");

ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_id_fkey"
    FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_event_id_fkey"
    FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_series_id_fkey"
    FOREIGN KEY ("series_id") REFERENCES "series"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Which token made a change: the actor stays the person who created it.
ALTER TABLE "audit_log" ADD COLUMN "api_token_id" UUID;
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_api_token_id_fkey"
    FOREIGN KEY ("api_token_id") REFERENCES "api_tokens"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "audit_log_api_token_id_idx" ON "audit_log"("api_token_id");
