-- The time of a registration's first check-in, kept on the registration itself, so that "checked in" is a column
-- of the scan the transparency report already makes instead of a semi-join of every registration with every
-- check-in. The database maintains it: whoever writes check-ins (the API, a restore, a bulk import) keeps it true.

ALTER TABLE "registrations" ADD COLUMN "first_checked_in_at" TIMESTAMPTZ(3);

UPDATE "registrations" r
   SET "first_checked_in_at" = c.first_at
  FROM (SELECT "registration_id", min("checked_in_at") AS first_at FROM "check_ins" GROUP BY "registration_id") c
 WHERE r."id" = c."registration_id";

-- Once per statement over the rows it inserted, so a bulk insert costs one UPDATE, not one per check-in. Check-ins
-- are never deleted on their own (only with their registration), so inserts are all it has to follow.
CREATE FUNCTION "registrations_first_check_in"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "registrations" r
       SET "first_checked_in_at" = i.first_at
      FROM (SELECT "registration_id", min("checked_in_at") AS first_at FROM inserted GROUP BY "registration_id") i
     WHERE r."id" = i."registration_id"
       AND (r."first_checked_in_at" IS NULL OR r."first_checked_in_at" > i.first_at);
    RETURN NULL;
END
$$;

CREATE TRIGGER "check_ins_first_check_in"
    AFTER INSERT ON "check_ins"
    REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION "registrations_first_check_in"();
