-- Descriptions, help texts and choice options become LocalizedText too (issue 21): they were plain text written in
-- one language. Each value is kept as the text of its series' primary language, the one every field must have.

-- A choice question's options: a non-empty list of { value, label }, where value is what answers store (stable
-- whatever the languages) and label the LocalizedText shown; values unique.
CREATE FUNCTION lectern_choice_options_valid(options JSONB) RETURNS BOOLEAN
LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT jsonb_typeof(options) = 'array'
     AND NOT EXISTS (
       SELECT 1 FROM jsonb_array_elements(options) AS o(option)
        WHERE jsonb_typeof(option) <> 'object'
           OR jsonb_typeof(option->'value') IS DISTINCT FROM 'string'
           OR option->>'value' = ''
           OR option->'label' IS NULL
           OR NOT lectern_localized_text_valid(option->'label')
           OR (SELECT count(*) FROM jsonb_object_keys(option) AS k) <> 2)
     AND (SELECT count(DISTINCT o->>'value') FROM jsonb_array_elements(options) AS e(o)) = jsonb_array_length(options)
$$;

-- Turns the text column `col` of an edition's table into a jsonb map from its series' primary language to the text.
CREATE FUNCTION pg_temp.lectern_localize(tbl TEXT, col TEXT) RETURNS VOID
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %I ADD COLUMN %I JSONB', tbl, col || '_i18n');
  EXECUTE format(
    $f$UPDATE %1$I AS t SET %2$I = jsonb_build_object(s.languages[1], t.%3$I)
         FROM events e JOIN series s ON s.id = e.series_id
        WHERE e.id = t.event_id AND nullif(t.%3$I, '') IS NOT NULL$f$,
    tbl, col || '_i18n', col);
  EXECUTE format('ALTER TABLE %I DROP COLUMN %I', tbl, col);
  EXECUTE format('ALTER TABLE %I RENAME COLUMN %I TO %I', tbl, col || '_i18n', col);
  EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK (lectern_localized_text_valid(%I))', tbl, tbl || '_' || col || '_localized', col);
END
$$;

SELECT pg_temp.lectern_localize('session_formats', 'description');
SELECT pg_temp.lectern_localize('tracks', 'description');
SELECT pg_temp.lectern_localize('cfp_questions', 'help_text');
SELECT pg_temp.lectern_localize('review_criteria', 'description');
SELECT pg_temp.lectern_localize('scholarship_programmes', 'description');

-- Options: each old string becomes both the value answers already hold and the label in the primary language.
ALTER TABLE "cfp_questions" ADD COLUMN "options_i18n" JSONB NOT NULL DEFAULT '[]'::jsonb;
UPDATE "cfp_questions" AS q
   SET "options_i18n" = (
     SELECT coalesce(jsonb_agg(jsonb_build_object('value', o.opt, 'label', jsonb_build_object(s.languages[1], o.opt)) ORDER BY o.ord), '[]'::jsonb)
       FROM (SELECT opt, min(ord) AS ord
               FROM unnest(q."options") WITH ORDINALITY AS u(opt, ord)
              WHERE nullif(opt, '') IS NOT NULL
              GROUP BY opt) AS o)
  FROM "events" e JOIN "series" s ON s.id = e.series_id
 WHERE e.id = q.event_id;
ALTER TABLE "cfp_questions" DROP COLUMN "options";
ALTER TABLE "cfp_questions" RENAME COLUMN "options_i18n" TO "options";
ALTER TABLE "cfp_questions" ADD CONSTRAINT "cfp_questions_options_valid" CHECK (lectern_choice_options_valid("options"));
-- Dropping the old column dropped its check: choice questions still need options to choose from.
ALTER TABLE "cfp_questions" ADD CONSTRAINT "cfp_questions_options_check" CHECK ("type" NOT IN ('CHOICE', 'MULTI_CHOICE') OR jsonb_array_length("options") >= 1);
