-- A series' languages and its texts agree, whatever runs at the same time (issue 21): every translated text of the
-- series and its editions has the series' primary language and no language the series does not publish in, and a
-- published report's language stays one of the series' languages. The application checks first to name the
-- places in its answer; these triggers hold the rule when a change of languages and a write cross.

-- Every translated column of the series and its editions: table, column, and whether it holds a list of choice
-- options ({ value, label }) rather than one text.
CREATE FUNCTION lectern_localized_columns() RETURNS TABLE (tbl TEXT, col TEXT, is_options BOOLEAN)
LANGUAGE sql IMMUTABLE AS $$
  VALUES ('events', 'name', false), ('events', 'city', false), ('events', 'venue', false),
         ('ticket_types', 'name', false),
         ('session_formats', 'name', false), ('session_formats', 'description', false),
         ('tracks', 'name', false), ('tracks', 'description', false),
         ('cfp_questions', 'label', false), ('cfp_questions', 'help_text', false), ('cfp_questions', 'options', true),
         ('event_facts', 'label', false),
         ('review_criteria', 'name', false), ('review_criteria', 'description', false),
         ('scholarship_programmes', 'name', false), ('scholarship_programmes', 'description', false),
         ('rooms', 'name', false),
         ('schedule_blocks', 'name', false)
$$;

-- Where the series' texts break the rule for `languages` (primary first): per edition (null for the series itself)
-- and field, a language `problem` of 'unpublished' (a text in a language not in `languages`), 'primary_missing' (a
-- text without languages[1]) or 'report' (a published report in a language not in `languages`), with a count.
CREATE FUNCTION lectern_series_language_uses(p_series UUID, p_languages TEXT[])
RETURNS TABLE (event_slug TEXT, field TEXT, language TEXT, problem TEXT, uses BIGINT)
LANGUAGE plpgsql STABLE AS $$
DECLARE
  c RECORD;
  texts TEXT;
BEGIN
  RETURN QUERY
    SELECT NULL::TEXT, 'series.name', k, 'unpublished', 1::BIGINT
      FROM series s CROSS JOIN LATERAL jsonb_object_keys(s.name) AS k
     WHERE s.id = p_series AND NOT (k = ANY (p_languages));
  RETURN QUERY
    SELECT NULL::TEXT, 'series.name', p_languages[1], 'primary_missing', 1::BIGINT
      FROM series s WHERE s.id = p_series AND NOT (s.name ? p_languages[1]);
  FOR c IN SELECT * FROM lectern_localized_columns() LOOP
    -- One row per text of the column: the options' labels, or the column itself.
    texts := CASE WHEN c.is_options
      THEN format('(SELECT t.event_id AS event_id, o->''label'' AS text FROM %I t CROSS JOIN LATERAL jsonb_array_elements(t.%I) AS o)', c.tbl, c.col)
      ELSE format('(SELECT %s AS event_id, t.%I AS text FROM %I t WHERE t.%I IS NOT NULL)',
                  CASE WHEN c.tbl = 'events' THEN 't.id' ELSE 't.event_id' END, c.col, c.tbl, c.col) END;
    RETURN QUERY EXECUTE format(
      $q$SELECT e.slug::TEXT, %1$L::TEXT, k, 'unpublished'::TEXT, count(*)
           FROM %2$s AS x JOIN events e ON e.id = x.event_id CROSS JOIN LATERAL jsonb_object_keys(x.text) AS k
          WHERE e.series_id = $1 AND NOT (k = ANY ($2))
          GROUP BY e.slug, k
         UNION ALL
         SELECT e.slug::TEXT, %1$L::TEXT, $2[1], 'primary_missing'::TEXT, count(*)
           FROM %2$s AS x JOIN events e ON e.id = x.event_id
          WHERE e.series_id = $1 AND NOT (x.text ? $2[1])
          GROUP BY e.slug$q$,
      c.tbl || '.' || c.col, texts) USING p_series, p_languages;
  END LOOP;
  RETURN QUERY
    SELECT e.slug::TEXT, 'reports', f.language, 'report'::TEXT, count(*)
      FROM report_files f JOIN reports r ON r.id = f.report_id JOIN events e ON e.id = r.event_id
     WHERE e.series_id = p_series AND r.published_at IS NOT NULL AND NOT (f.language = ANY (p_languages))
     GROUP BY e.slug, f.language;
END
$$;

-- A change of a series' languages that its texts or published reports contradict is refused (SQLSTATE LL409).
CREATE FUNCTION lectern_series_languages_check() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
DECLARE
  hit RECORD;
BEGIN
  -- A malformed list is the CHECK's to refuse, by its own name.
  IF NOT coalesce(lectern_language_tags_valid(NEW.languages), false) THEN RETURN NEW; END IF;
  SELECT * INTO hit FROM lectern_series_language_uses(NEW.id, NEW.languages) LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'LL409', MESSAGE = 'LECTERN_SERIES_LANGUAGE_IN_USE',
      DETAIL = format('%s %s %s %s', coalesce(hit.event_slug, '-'), hit.field, hit.language, hit.problem);
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "series_languages_check" BEFORE UPDATE OF "languages" ON "series"
  FOR EACH ROW WHEN (OLD."languages" IS DISTINCT FROM NEW."languages") EXECUTE FUNCTION lectern_series_languages_check();

-- A translated text written for an edition is checked against its series' languages, read under a share lock: a
-- change of those languages (which takes the row for update) waits for this write's transaction, or this write
-- waits for it and then sees the new languages.
CREATE FUNCTION lectern_localized_write_check() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
DECLARE
  row_json JSONB := to_jsonb(NEW);
  langs TEXT[];
  col TEXT;
  one_text JSONB;
BEGIN
  IF TG_TABLE_NAME = 'events' THEN
    SELECT s.languages INTO langs FROM series s WHERE s.id = (row_json->>'series_id')::UUID FOR SHARE;
  ELSE
    SELECT s.languages INTO langs
      FROM series s JOIN events e ON e.series_id = s.id
     WHERE e.id = (row_json->>'event_id')::UUID
       FOR SHARE OF s;
  END IF;
  IF langs IS NULL THEN RETURN NEW; END IF;
  FOREACH col IN ARRAY TG_ARGV LOOP
    FOR one_text IN
      SELECT row_json->col WHERE col <> 'options'
      UNION ALL
      SELECT o->'label' FROM jsonb_array_elements(CASE WHEN col = 'options' THEN row_json->col ELSE '[]'::JSONB END) AS o
    LOOP
      CONTINUE WHEN one_text IS NULL OR jsonb_typeof(one_text) <> 'object';
      IF NOT (one_text ? langs[1]) OR EXISTS (SELECT 1 FROM jsonb_object_keys(one_text) AS k WHERE NOT (k = ANY (langs))) THEN
        RAISE EXCEPTION USING ERRCODE = 'LL409', MESSAGE = 'LECTERN_LANGUAGES_CHANGED',
          DETAIL = format('%s.%s', TG_TABLE_NAME, col);
      END IF;
    END LOOP;
  END LOOP;
  RETURN NEW;
END
$$;

CREATE FUNCTION pg_temp.lectern_guard(tbl TEXT) RETURNS VOID
LANGUAGE plpgsql AS $$
DECLARE
  cols TEXT[] := ARRAY(SELECT c.col FROM lectern_localized_columns() c WHERE c.tbl = lectern_guard.tbl);
BEGIN
  EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE OF %s ON %I FOR EACH ROW EXECUTE FUNCTION lectern_localized_write_check(%s)',
    tbl || '_languages_check',
    (SELECT string_agg(format('%I', c), ', ') FROM unnest(cols) AS c),
    tbl,
    (SELECT string_agg(format('%L', c), ', ') FROM unnest(cols) AS c));
END
$$;

SELECT pg_temp.lectern_guard(t) FROM (SELECT DISTINCT tbl AS t FROM lectern_localized_columns()) AS tables;
