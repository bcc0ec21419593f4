-- Languages as data (issue 21). Each series names the languages it publishes in (BCP 47 tags, its primary first);
-- every translated field becomes one jsonb map from language to text, folded from the old `x` + `x_zh` columns.

-- A well-formed tag list: one or more tags shaped like BCP 47 (language[-script][-region]...), none repeated. Which
-- tags Lectern can speak is the application's to check (its locales/ folders); this keeps garbage out of SQL writes.
CREATE FUNCTION lectern_language_tags_valid(tags TEXT[]) RETURNS BOOLEAN
LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT cardinality(tags) BETWEEN 1 AND 16
     AND NOT EXISTS (SELECT 1 FROM unnest(tags) AS t(tag) WHERE tag IS NULL OR tag !~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$')
     AND (SELECT count(DISTINCT tag) FROM unnest(tags) AS t(tag)) = cardinality(tags)
$$;

-- A translated text: a non-empty object whose values are non-empty strings.
CREATE FUNCTION lectern_localized_text_valid(text JSONB) RETURNS BOOLEAN
LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT jsonb_typeof(text) = 'object'
     AND text <> '{}'::jsonb
     AND NOT EXISTS (SELECT 1 FROM jsonb_each(text) AS e(k, v) WHERE jsonb_typeof(v) <> 'string' OR v #>> '{}' = '')
$$;

-- Every series so far was published in English and Simplified Chinese (its reports came in both); new ones start
-- in English.
ALTER TABLE "series" ADD COLUMN "languages" TEXT[] NOT NULL DEFAULT ARRAY['en', 'zh-CN']::TEXT[];
ALTER TABLE "series" ALTER COLUMN "languages" SET DEFAULT ARRAY['en']::TEXT[];
ALTER TABLE "series" ADD CONSTRAINT "series_languages_valid" CHECK (lectern_language_tags_valid("languages"));

-- Folds `col` (English) and `col_zh` (Simplified Chinese) into the jsonb map `col`, keeping every non-empty value.
CREATE FUNCTION pg_temp.lectern_fold(tbl TEXT, col TEXT, zh TEXT, required BOOLEAN) RETURNS VOID
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %I ADD COLUMN %I JSONB', tbl, col || '_i18n');
  EXECUTE format(
    $f$UPDATE %1$I SET %2$I = nullif(jsonb_strip_nulls(jsonb_build_object('en', nullif(%3$I, ''), 'zh-CN', %4$s)), '{}'::jsonb)$f$,
    tbl, col || '_i18n', col, CASE WHEN zh IS NULL THEN 'NULL::text' ELSE format('nullif(%I, %L)', zh, '') END);
  EXECUTE format('ALTER TABLE %I DROP COLUMN %I', tbl, col);
  IF zh IS NOT NULL THEN EXECUTE format('ALTER TABLE %I DROP COLUMN %I', tbl, zh); END IF;
  EXECUTE format('ALTER TABLE %I RENAME COLUMN %I TO %I', tbl, col || '_i18n', col);
  IF required THEN EXECUTE format('ALTER TABLE %I ALTER COLUMN %I SET NOT NULL', tbl, col); END IF;
  EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK (lectern_localized_text_valid(%I))', tbl, tbl || '_' || col || '_localized', col);
END
$$;

SELECT pg_temp.lectern_fold('series', 'name', 'name_zh', true);
SELECT pg_temp.lectern_fold('events', 'name', 'name_zh', true);
SELECT pg_temp.lectern_fold('events', 'city', 'city_zh', true);
SELECT pg_temp.lectern_fold('events', 'venue', NULL, false);
SELECT pg_temp.lectern_fold('ticket_types', 'name', 'name_zh', true);
SELECT pg_temp.lectern_fold('session_formats', 'name', 'name_zh', true);
SELECT pg_temp.lectern_fold('tracks', 'name', 'name_zh', true);
SELECT pg_temp.lectern_fold('cfp_questions', 'label', 'label_zh', true);
SELECT pg_temp.lectern_fold('event_facts', 'label', 'label_zh', true);
SELECT pg_temp.lectern_fold('review_criteria', 'name', 'name_zh', true);
SELECT pg_temp.lectern_fold('scholarship_programmes', 'name', 'name_zh', true);

-- E-mails already planned keep their edition as it was then: in the same shape as the rows above.
UPDATE "notification_deliveries"
   SET "context" = jsonb_set("context", '{event}',
         (("context"->'event') - 'nameZh' - 'cityZh') || jsonb_build_object(
           'languages', '["en", "zh-CN"]'::jsonb,
           'name', jsonb_strip_nulls(jsonb_build_object('en', "context"->'event'->>'name', 'zh-CN', nullif("context"->'event'->>'nameZh', ''))),
           'city', jsonb_strip_nulls(jsonb_build_object('en', "context"->'event'->>'city', 'zh-CN', nullif("context"->'event'->>'cityZh', ''))),
           'venue', CASE WHEN nullif("context"->'event'->>'venue', '') IS NULL THEN 'null'::jsonb
                         ELSE jsonb_build_object('en', "context"->'event'->>'venue') END))
 WHERE jsonb_typeof("context"->'event'->'name') = 'string';

-- E-mails and report editions come in any language Lectern speaks, not only the two it started with.
ALTER TABLE "notification_deliveries" DROP CONSTRAINT "notification_deliveries_language_check";
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_language_check" CHECK (lectern_language_tags_valid(ARRAY["language"]));
ALTER TABLE "report_files" DROP CONSTRAINT "report_files_language_check";
ALTER TABLE "report_files" ADD CONSTRAINT "report_files_language_check" CHECK (lectern_language_tags_valid(ARRAY["language"]));
