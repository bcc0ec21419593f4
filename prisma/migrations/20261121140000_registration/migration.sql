-- Registration: ticket types, quotas shared by ticket types, vouchers, registrations (with the waiting list),
-- check-ins and stored Idempotency-Key responses.

CREATE TYPE "TicketCategory" AS ENUM ('CORPORATE', 'INDIVIDUAL', 'ACADEMIC', 'SPEAKER', 'SPONSOR', 'MEDIA', 'SCHOLARSHIP', 'VIRTUAL', 'OTHER');
CREATE TYPE "Attendance" AS ENUM ('IN_PERSON', 'VIRTUAL');
CREATE TYPE "VoucherDiscount" AS ENUM ('FREE', 'PERCENT', 'FIXED');
CREATE TYPE "RegistrationState" AS ENUM ('PENDING', 'CONFIRMED', 'CANCELLED', 'WAITLISTED');
CREATE TYPE "CancelReason" AS ENUM ('ATTENDEE', 'ORGANISER', 'OFFER_EXPIRED');
CREATE TYPE "CompanySize" AS ENUM ('SIZE_1_9', 'SIZE_10_49', 'SIZE_50_249', 'SIZE_250_999', 'SIZE_1000_2999', 'SIZE_3000_PLUS');
CREATE TYPE "JobFunction" AS ENUM ('DEVELOPER', 'ARCHITECT', 'DEVOPS_SRE_SYSADMIN', 'DATA_SCIENCE_ML', 'SECURITY', 'PRODUCT_MANAGEMENT', 'ENGINEERING_MANAGEMENT', 'EXECUTIVE', 'SALES_MARKETING', 'CONSULTANT', 'ACADEMIC_RESEARCHER', 'STUDENT', 'MEDIA_ANALYST', 'OTHER');
CREATE TYPE "Industry" AS ENUM ('INFORMATION_TECHNOLOGY', 'FINANCIALS', 'TELECOMMUNICATIONS', 'PROFESSIONAL_SERVICES', 'MANUFACTURING', 'GOVERNMENT', 'EDUCATION', 'HEALTHCARE', 'RETAIL_CONSUMER', 'MEDIA_ENTERTAINMENT', 'ENERGY_UTILITIES', 'TRANSPORTATION', 'NON_PROFIT', 'OTHER');
CREATE TYPE "Gender" AS ENUM ('WOMAN', 'MAN', 'NON_BINARY', 'SELF_DESCRIBED', 'PREFER_NOT_TO_SAY');

CREATE TABLE "ticket_types" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "name_zh" TEXT,
    "category" "TicketCategory" NOT NULL,
    "attendance" "Attendance" NOT NULL,
    "price_cents" INTEGER NOT NULL DEFAULT 0,
    "currency" CHAR(3) NOT NULL DEFAULT 'USD',
    "sales_start_at" TIMESTAMPTZ(3),
    "sales_end_at" TIMESTAMPTZ(3),
    "hidden" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "ticket_types_pkey" PRIMARY KEY ("id"),
    -- Not expressible in schema.prisma; the API validates the same rules first, these are the last line.
    CONSTRAINT "ticket_types_price_check" CHECK ("price_cents" >= 0),
    CONSTRAINT "ticket_types_sales_window_check" CHECK ("sales_start_at" IS NULL OR "sales_end_at" IS NULL OR "sales_end_at" > "sales_start_at")
);
CREATE INDEX "ticket_types_event_id_idx" ON "ticket_types"("event_id");

CREATE TABLE "quotas" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "size" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "quotas_pkey" PRIMARY KEY ("id"),
    -- Not expressible in schema.prisma.
    CONSTRAINT "quotas_size_check" CHECK ("size" IS NULL OR "size" >= 0)
);
CREATE INDEX "quotas_event_id_idx" ON "quotas"("event_id");

CREATE TABLE "ticket_type_quotas" (
    "ticket_type_id" UUID NOT NULL,
    "quota_id" UUID NOT NULL,
    CONSTRAINT "ticket_type_quotas_pkey" PRIMARY KEY ("ticket_type_id", "quota_id")
);
CREATE INDEX "ticket_type_quotas_quota_id_idx" ON "ticket_type_quotas"("quota_id");

CREATE TABLE "vouchers" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "ticket_type_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "discount" "VoucherDiscount" NOT NULL,
    "discount_value" INTEGER NOT NULL DEFAULT 0,
    "max_uses" INTEGER NOT NULL,
    "valid_from" TIMESTAMPTZ(3),
    "valid_until" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "vouchers_pkey" PRIMARY KEY ("id"),
    -- Not expressible in schema.prisma.
    CONSTRAINT "vouchers_max_uses_check" CHECK ("max_uses" >= 1),
    CONSTRAINT "vouchers_discount_check" CHECK (
        ("discount" = 'FREE' AND "discount_value" = 0)
        OR ("discount" = 'PERCENT' AND "discount_value" BETWEEN 1 AND 100)
        OR ("discount" = 'FIXED' AND "discount_value" > 0)
    )
);
CREATE UNIQUE INDEX "vouchers_event_id_code_key" ON "vouchers"("event_id", "code");
CREATE INDEX "vouchers_ticket_type_id_idx" ON "vouchers"("ticket_type_id");

CREATE TABLE "registrations" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "ticket_type_id" UUID NOT NULL,
    "voucher_id" UUID,
    "state" "RegistrationState" NOT NULL,
    "attendee_name" TEXT NOT NULL,
    "attendee_email" TEXT NOT NULL,
    "price_cents" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "paid_at" TIMESTAMPTZ(3),
    "badge_token" TEXT NOT NULL,
    "consent_to_report" BOOLEAN NOT NULL DEFAULT false,
    "country" CHAR(2),
    "company_name" TEXT,
    "company_size" "CompanySize",
    "job_function" "JobFunction",
    "industry" "Industry",
    "first_time_attendee" BOOLEAN,
    "gender" "Gender",
    "waitlisted_at" TIMESTAMPTZ(3),
    "offer_expires_at" TIMESTAMPTZ(3),
    "confirmed_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),
    "cancel_reason" "CancelReason",
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "registrations_pkey" PRIMARY KEY ("id"),
    -- Not expressible in schema.prisma. Self-described data is stored only with consent to aggregate reporting.
    CONSTRAINT "registrations_consent_check" CHECK (
        "consent_to_report" OR (
            "country" IS NULL AND "company_name" IS NULL AND "company_size" IS NULL AND "job_function" IS NULL
            AND "industry" IS NULL AND "first_time_attendee" IS NULL AND "gender" IS NULL
        )
    ),
    -- Only a waiting-list entry can hold an offer.
    CONSTRAINT "registrations_offer_check" CHECK ("offer_expires_at" IS NULL OR "state" = 'WAITLISTED'),
    CONSTRAINT "registrations_price_check" CHECK ("price_cents" >= 0)
);
CREATE UNIQUE INDEX "registrations_badge_token_key" ON "registrations"("badge_token");
CREATE INDEX "registrations_ticket_type_id_state_offer_expires_at_idx" ON "registrations"("ticket_type_id", "state", "offer_expires_at");
CREATE INDEX "registrations_event_id_state_waitlisted_at_idx" ON "registrations"("event_id", "state", "waitlisted_at");
CREATE INDEX "registrations_event_id_created_at_id_idx" ON "registrations"("event_id", "created_at", "id");
CREATE INDEX "registrations_user_id_idx" ON "registrations"("user_id");
CREATE INDEX "registrations_voucher_id_idx" ON "registrations"("voucher_id");
-- Not expressible in schema.prisma: one active (not cancelled) registration per attendee and event. A cancelled
-- attendee may register again.
CREATE UNIQUE INDEX "registrations_event_id_user_id_active_key" ON "registrations"("event_id", "user_id") WHERE "state" <> 'CANCELLED';

CREATE TABLE "check_ins" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "registration_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "checked_in_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "staff_id" UUID,
    CONSTRAINT "check_ins_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "check_ins_registration_id_day_key" ON "check_ins"("registration_id", "day");
CREATE INDEX "check_ins_event_id_day_idx" ON "check_ins"("event_id", "day");

CREATE TABLE "idempotency_keys" (
    "user_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "response_status" INTEGER,
    "response_body" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("user_id", "key")
);
CREATE INDEX "idempotency_keys_expires_at_idx" ON "idempotency_keys"("expires_at");

ALTER TABLE "ticket_types" ADD CONSTRAINT "ticket_types_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "quotas" ADD CONSTRAINT "quotas_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ticket_type_quotas" ADD CONSTRAINT "ticket_type_quotas_ticket_type_id_fkey" FOREIGN KEY ("ticket_type_id") REFERENCES "ticket_types"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ticket_type_quotas" ADD CONSTRAINT "ticket_type_quotas_quota_id_fkey" FOREIGN KEY ("quota_id") REFERENCES "quotas"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "vouchers" ADD CONSTRAINT "vouchers_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "vouchers" ADD CONSTRAINT "vouchers_ticket_type_id_fkey" FOREIGN KEY ("ticket_type_id") REFERENCES "ticket_types"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_ticket_type_id_fkey" FOREIGN KEY ("ticket_type_id") REFERENCES "ticket_types"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_voucher_id_fkey" FOREIGN KEY ("voucher_id") REFERENCES "vouchers"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_registration_id_fkey" FOREIGN KEY ("registration_id") REFERENCES "registrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------------------------
-- Seats are never oversold, whatever code path writes a registration (not expressible in schema.prisma).
--
-- A registration that takes a seat (pending or confirmed), holds one (a waiting-list offer) or joins the waiting
-- list is checked when its transaction commits: the trigger takes transaction-scoped advisory locks on the
-- event (shared), then on every limit the ticket type draws on and on its voucher (exclusive, in key order, as
-- pretix does), and counts with a snapshot taken after the locks, so every competing registration committed
-- before is seen and none can commit in between. The locks are held only while the commit runs, never across
-- a round trip to the application. A refusal aborts the commit with a message the API maps to a problem:
--   LECTERN:SOLD_OUT           a limit would be exceeded
--   LECTERN:NOT_FULL           a waiting-list entry although seats are free (it should have taken one)
--   LECTERN:WAITLIST_FIRST     an expired offer still holds a place in the queue; process the waiting list first
--   LECTERN:VOUCHER_EXHAUSTED  the voucher is used by max_uses registrations already
-- Key spaces (top byte): 1 event structure, 2 event capacity, 3 quota, 4 voucher; InventoryRepository computes
-- the same keys for the locks it takes itself. "Now" is the row's updated_at, written by the application's clock.

CREATE FUNCTION "lectern_lock_key"(space integer, id uuid) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
    SELECT (space::bigint << 56) | ('x' || substr(replace(id::text, '-', ''), 1, 14))::bit(56)::bigint
$$;

-- Every limit on seats that a ticket type draws on (or, with no ticket type, every limit of the event): its
-- quotas and, for in-person types, the event's capacity, with their use at p_now. One definition of "use" for
-- the seat check below and for the API's availability. VOLATILE: called after taking locks, it counts with a
-- snapshot of its own; plpgsql keeps its plan per connection.
CREATE FUNCTION "lectern_seat_usage"(p_event uuid, p_type uuid, p_now timestamptz)
RETURNS TABLE (kind text, id uuid, size integer, types uuid[], taken integer, held integer, expired integer, waiting boolean)
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    RETURN QUERY
    WITH limits AS (
        SELECT 'quota'::text AS kind, q.id, q.size,
               ARRAY(SELECT x.ticket_type_id FROM ticket_type_quotas x WHERE x.quota_id = q.id) AS types
          FROM quotas q
         WHERE q.event_id = p_event
           AND (p_type IS NULL OR EXISTS (
               SELECT 1 FROM ticket_type_quotas x WHERE x.quota_id = q.id AND x.ticket_type_id = p_type))
        UNION ALL
        SELECT 'capacity'::text, e.id, e.capacity,
               ARRAY(SELECT t.id FROM ticket_types t WHERE t.event_id = e.id AND t.attendance = 'IN_PERSON')
          FROM events e
         WHERE e.id = p_event AND e.capacity IS NOT NULL
           AND (p_type IS NULL OR EXISTS (SELECT 1 FROM ticket_types t WHERE t.id = p_type AND t.attendance = 'IN_PERSON'))
    )
    SELECT l.kind, l.id, l.size, l.types,
           (SELECT count(*)::integer FROM registrations r
             WHERE r.ticket_type_id = ANY(l.types) AND r.state IN ('PENDING', 'CONFIRMED')),
           (SELECT count(*)::integer FROM registrations r
             WHERE r.ticket_type_id = ANY(l.types) AND r.state = 'WAITLISTED' AND r.offer_expires_at > p_now),
           (SELECT count(*)::integer FROM registrations r
             WHERE r.ticket_type_id = ANY(l.types) AND r.state = 'WAITLISTED' AND r.offer_expires_at <= p_now),
           EXISTS (SELECT 1 FROM registrations r
             WHERE r.ticket_type_id = ANY(l.types) AND r.state = 'WAITLISTED' AND r.offer_expires_at IS NULL)
      FROM limits l;
END
$$;

CREATE FUNCTION "registrations_seat_check"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    lock_keys bigint[];
    lock_key bigint;
    over_limit boolean;
    is_full boolean;
    has_expired boolean;
    voucher_uses integer;
    voucher_max integer;
BEGIN
    PERFORM set_config('lock_timeout', '5s', true);
    PERFORM pg_advisory_xact_lock_shared(lectern_lock_key(1, NEW.event_id));
    -- the structure lock keeps the set of limits fixed from here on; their locks go in key order
    SELECT array_agg(k ORDER BY k) INTO lock_keys FROM (
        SELECT lectern_lock_key(3, q.id) AS k
          FROM ticket_type_quotas x JOIN quotas q ON q.id = x.quota_id
         WHERE x.ticket_type_id = NEW.ticket_type_id AND q.size IS NOT NULL
        UNION
        SELECT lectern_lock_key(2, e.id)
          FROM events e JOIN ticket_types t ON t.id = NEW.ticket_type_id AND t.attendance = 'IN_PERSON'
         WHERE e.id = NEW.event_id AND e.capacity IS NOT NULL
        UNION
        SELECT lectern_lock_key(4, NEW.voucher_id) WHERE NEW.voucher_id IS NOT NULL AND TG_OP = 'INSERT'
    ) keys;
    IF lock_keys IS NOT NULL THEN
        FOREACH lock_key IN ARRAY lock_keys LOOP
            PERFORM pg_advisory_xact_lock(lock_key);
        END LOOP;
    END IF;

    -- counted with a snapshot taken after the locks: every competing registration committed before is seen
    SELECT coalesce(bool_or(u.taken + u.held > u.size), false),
           coalesce(bool_or(u.taken + u.held >= u.size), false),
           coalesce(bool_or(u.expired > 0), false)
      INTO over_limit, is_full, has_expired
      FROM lectern_seat_usage(NEW.event_id, NEW.ticket_type_id, NEW.updated_at) u
     WHERE u.size IS NOT NULL;

    IF TG_OP = 'INSERT' AND has_expired THEN
        RAISE EXCEPTION 'LECTERN:WAITLIST_FIRST';
    END IF;
    IF NEW.state IN ('PENDING', 'CONFIRMED') OR NEW.offer_expires_at IS NOT NULL THEN
        IF over_limit THEN
            RAISE EXCEPTION 'LECTERN:SOLD_OUT';
        END IF;
    ELSIF NOT is_full THEN
        RAISE EXCEPTION 'LECTERN:NOT_FULL';
    END IF;

    IF NEW.voucher_id IS NOT NULL AND TG_OP = 'INSERT' THEN
        SELECT v.max_uses, (SELECT count(*) FROM registrations r WHERE r.voucher_id = v.id AND r.state <> 'CANCELLED')
          INTO voucher_max, voucher_uses
          FROM vouchers v WHERE v.id = NEW.voucher_id;
        IF voucher_uses > voucher_max THEN
            RAISE EXCEPTION 'LECTERN:VOUCHER_EXHAUSTED';
        END IF;
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER "registrations_seat_check_insert"
    AFTER INSERT ON "registrations" DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (NEW.state <> 'CANCELLED')
    EXECUTE FUNCTION "registrations_seat_check"();

-- A registration that starts to take or hold a seat later (an offer made, an offer taken up) is checked the same way.
CREATE CONSTRAINT TRIGGER "registrations_seat_check_update"
    AFTER UPDATE OF "state", "offer_expires_at" ON "registrations" DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (
        (NEW.state IN ('PENDING', 'CONFIRMED') AND OLD.state NOT IN ('PENDING', 'CONFIRMED'))
        OR (NEW.offer_expires_at IS NOT NULL AND OLD.offer_expires_at IS NULL)
    )
    EXECUTE FUNCTION "registrations_seat_check"();
