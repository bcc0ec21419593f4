-- Moving to a hybrid edition (issue 15): the edition keeps a venue, so its format alone can no longer say whether
-- an in-person seat may be taken. Each in-person ticket type that a move online converted or cancelled is closed
-- from then on; a type the organisers kept for a hybrid edition stays on sale. An edition moved fully online
-- before this column existed is still closed by its format.

ALTER TABLE "ticket_types" ADD COLUMN "in_person_closed_at" timestamptz(3);

-- The edition's row is read with a KEY SHARE lock first: a move online holds the row's exclusive lock while it
-- closes types and converts their registrations, so a registration either commits before it (and is converted
-- with the rest) or waits, and then reads the type's closing in a new snapshot.
CREATE OR REPLACE FUNCTION "registrations_in_person_open"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    edition_format "EventFormat";
    type_closed_at timestamptz;
BEGIN
    IF NEW."state" = 'CANCELLED'
       OR (SELECT t."attendance" FROM "ticket_types" t WHERE t."id" = NEW."ticket_type_id") <> 'IN_PERSON' THEN
        RETURN NEW;
    END IF;
    SELECT e."format" INTO edition_format FROM "events" e WHERE e."id" = NEW."event_id" FOR KEY SHARE;
    SELECT t."in_person_closed_at" INTO type_closed_at FROM "ticket_types" t WHERE t."id" = NEW."ticket_type_id";
    IF edition_format = 'VIRTUAL' OR type_closed_at IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'LS410', MESSAGE = 'LECTERN_IN_PERSON_CLOSED',
            DETAIL = 'The edition has moved online: in-person tickets of this type are no longer sold.';
    END IF;
    RETURN NEW;
END $$;
