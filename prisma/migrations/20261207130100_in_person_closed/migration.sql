-- Once an edition has moved online, no in-person seat can be taken (issue 15). The edition's row is read with a
-- KEY SHARE lock: a move online holds the row's exclusive lock while it converts the registrations, so a
-- registration either commits before it (and is converted with the rest) or waits and then sees the new format.

CREATE FUNCTION "registrations_in_person_open"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    edition_format "EventFormat";
BEGIN
    IF NEW."state" <> 'CANCELLED'
       AND (SELECT t."attendance" FROM "ticket_types" t WHERE t."id" = NEW."ticket_type_id") = 'IN_PERSON' THEN
        SELECT e."format" INTO edition_format FROM "events" e WHERE e."id" = NEW."event_id" FOR KEY SHARE;
        IF edition_format = 'VIRTUAL' THEN
            RAISE EXCEPTION USING ERRCODE = 'LS410', MESSAGE = 'LECTERN_IN_PERSON_CLOSED',
                DETAIL = 'The edition has moved online: in-person tickets are no longer sold.';
        END IF;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER "registrations_in_person_open" BEFORE INSERT OR UPDATE OF "ticket_type_id" ON "registrations"
    FOR EACH ROW EXECUTE FUNCTION "registrations_in_person_open"();
