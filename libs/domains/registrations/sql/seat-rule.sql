-- The seat rule: seats are never oversold, whatever code path writes a registration. This file is its one
-- definition; a migration applies it verbatim (a change here needs a new migration that repeats the whole file),
-- and test/seat-rule.test.ts proves that the migrated database runs exactly this text.
--
-- A registration that takes a seat (pending or confirmed), holds one (a waiting-list offer) or joins the waiting
-- list is checked when its transaction commits: the trigger takes transaction-scoped advisory locks on the
-- event (shared), then on every limit the ticket type draws on and on its voucher (exclusive, in key order, as
-- pretix does), and counts with a snapshot taken after the locks, so every competing registration committed
-- before is seen and none can commit in between. The locks are held only while the commit runs, never across
-- a round trip to the application. "Now" is the row's updated_at, written by the application's clock.
--
-- A refusal aborts the commit with SQLSTATE LS409 and one of these messages (seat-rule.contract.ts declares the
-- same for the application, which maps them to problems); the DETAIL is for people reading logs:
--   LECTERN_SEATS_EXHAUSTED    a limit would be exceeded
--   LECTERN_SEATS_FREE         a waiting-list entry although seats are free (it should have taken one)
--   LECTERN_WAITLIST_FIRST     an expired offer still holds a place in the queue; process the waiting list first
--   LECTERN_VOUCHER_EXHAUSTED  the voucher is used by max_uses registrations already

-- The advisory-lock key of a named lock space and an id: the space in the top byte, so sorting keys numerically
-- puts an event's structure lock first, then its capacity, its quotas and its vouchers, and every transaction
-- takes its locks in that one order (no two wait on each other in a cycle); 56 bits of the id below it (two ids
-- sharing them only serialise a little more, never less). The application takes its own locks through this
-- function too, so the keys have this one derivation. A misspelt space is refused rather than locking nothing;
-- STRICT, as the planner may fold a call whose id is NULL in a branch that never runs.
CREATE OR REPLACE FUNCTION "lectern_lock_key"(space text, id uuid) RETURNS bigint LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE
    space_byte bigint := CASE space WHEN 'structure' THEN 1 WHEN 'capacity' THEN 2 WHEN 'quota' THEN 3 WHEN 'voucher' THEN 4 END;
BEGIN
    IF space_byte IS NULL THEN
        RAISE EXCEPTION 'lectern_lock_key: no lock space %', space;
    END IF;
    RETURN (space_byte << 56) | ('x' || substr(replace(id::text, '-', ''), 1, 14))::bit(56)::bigint;
END
$$;

-- Every limit on seats that a ticket type draws on (or, with no ticket type, every limit of the event): its
-- quotas and, for in-person types, the event's capacity, with their use at p_now. One definition of "use" for
-- the seat check below and for the API's availability. VOLATILE: called after taking locks, it counts with a
-- snapshot of its own; plpgsql keeps its plan per connection.
CREATE OR REPLACE FUNCTION "lectern_seat_usage"(p_event uuid, p_type uuid, p_now timestamptz)
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

CREATE OR REPLACE FUNCTION "registrations_seat_check"() RETURNS trigger LANGUAGE plpgsql AS $$
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
    PERFORM pg_advisory_xact_lock_shared(lectern_lock_key('structure', NEW.event_id));
    -- the structure lock keeps the set of limits fixed from here on; their locks go in key order
    SELECT array_agg(k ORDER BY k) INTO lock_keys FROM (
        SELECT lectern_lock_key('quota', q.id) AS k
          FROM ticket_type_quotas x JOIN quotas q ON q.id = x.quota_id
         WHERE x.ticket_type_id = NEW.ticket_type_id AND q.size IS NOT NULL
        UNION
        SELECT lectern_lock_key('capacity', e.id)
          FROM events e JOIN ticket_types t ON t.id = NEW.ticket_type_id AND t.attendance = 'IN_PERSON'
         WHERE e.id = NEW.event_id AND e.capacity IS NOT NULL
        UNION
        SELECT lectern_lock_key('voucher', NEW.voucher_id) WHERE NEW.voucher_id IS NOT NULL AND TG_OP = 'INSERT'
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
        RAISE EXCEPTION USING ERRCODE = 'LS409', MESSAGE = 'LECTERN_WAITLIST_FIRST',
            DETAIL = 'An expired waiting-list offer still holds its place in the queue: process the waiting list first.';
    END IF;
    IF NEW.state IN ('PENDING', 'CONFIRMED') OR NEW.offer_expires_at IS NOT NULL THEN
        IF over_limit THEN
            RAISE EXCEPTION USING ERRCODE = 'LS409', MESSAGE = 'LECTERN_SEATS_EXHAUSTED',
                DETAIL = 'A seat limit of the ticket type would be exceeded.';
        END IF;
    ELSIF NOT is_full THEN
        RAISE EXCEPTION USING ERRCODE = 'LS409', MESSAGE = 'LECTERN_SEATS_FREE',
            DETAIL = 'A waiting-list entry although seats are free: it should have taken one.';
    END IF;

    IF NEW.voucher_id IS NOT NULL AND TG_OP = 'INSERT' THEN
        SELECT v.max_uses, (SELECT count(*) FROM registrations r WHERE r.voucher_id = v.id AND r.state <> 'CANCELLED')
          INTO voucher_max, voucher_uses
          FROM vouchers v WHERE v.id = NEW.voucher_id;
        IF voucher_uses > voucher_max THEN
            RAISE EXCEPTION USING ERRCODE = 'LS409', MESSAGE = 'LECTERN_VOUCHER_EXHAUSTED',
                DETAIL = 'The voucher is used by max_uses registrations already.';
        END IF;
    END IF;
    RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS "registrations_seat_check_insert" ON "registrations";
CREATE CONSTRAINT TRIGGER "registrations_seat_check_insert"
    AFTER INSERT ON "registrations" DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (NEW.state <> 'CANCELLED')
    EXECUTE FUNCTION "registrations_seat_check"();

-- A registration that starts to take or hold a seat later (an offer made, an offer taken up) is checked the same way.
DROP TRIGGER IF EXISTS "registrations_seat_check_update" ON "registrations";
CREATE CONSTRAINT TRIGGER "registrations_seat_check_update"
    AFTER UPDATE OF "state", "offer_expires_at" ON "registrations" DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (
        (NEW.state IN ('PENDING', 'CONFIRMED') AND OLD.state NOT IN ('PENDING', 'CONFIRMED'))
        OR (NEW.offer_expires_at IS NOT NULL AND OLD.offer_expires_at IS NULL)
    )
    EXECUTE FUNCTION "registrations_seat_check"();
