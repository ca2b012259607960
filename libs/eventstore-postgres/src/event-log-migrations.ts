import type { Migration } from './migrations';

/**
 * The event log's schema history. Version 1:
 * - `events`: one row per event; `global_position` is dense (1, 2, 3, …) and handed out in commit order;
 *   stream ids and types use the "C" collation so that prefix filters compare bytes, as every adapter does;
 *   `data` and `metadata` are `json` (not `jsonb`), which keeps the stored text exactly as written.
 * - triggers that refuse UPDATE, DELETE and TRUNCATE: the history is append-only, corrections are new events.
 * - `append_to_stream(…)`: the whole append in one statement (one round trip), see README.md.
 * Version 2 replaces the append function's body: it no longer looks up every event id before inserting.
 * Version 3 gives it a consistency condition, checked under the same lock (see README.md).
 * Version 4 adds `append_group(…)`: several appends in one transaction and one commit (group commit).
 * Version 5 adds `snapshots`: read-model states with the position they cover (the port's `SnapshotStore`).
 */
export const eventLogMigrations: readonly Migration[] = [
  {
    version: 1,
    description: 'event log, append-only triggers and the append function',
    sql: ({ quotedSchema, events, appendFunction, channel, appendLockKey }) => `
      CREATE TABLE ${events} (
        global_position bigint PRIMARY KEY,
        stream_id text COLLATE "C" NOT NULL CHECK (stream_id <> ''),
        stream_revision bigint NOT NULL CHECK (stream_revision >= 0),
        event_id text NOT NULL CHECK (event_id <> ''),
        type text COLLATE "C" NOT NULL CHECK (type <> ''),
        schema_version integer NOT NULL CHECK (schema_version >= 1),
        data json NOT NULL,
        metadata json NOT NULL,
        recorded_at timestamptz NOT NULL,
        CONSTRAINT events_stream_revision_key UNIQUE (stream_id, stream_revision),
        CONSTRAINT events_event_id_key UNIQUE (event_id)
      );
      CREATE INDEX events_type_position_idx ON ${events} (type, global_position);

      CREATE FUNCTION ${quotedSchema}.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        RAISE EXCEPTION 'the event log is append-only: % refused on %.%', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
          USING ERRCODE = 'restrict_violation';
      END
      $fn$;
      CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON ${events}
        FOR EACH ROW EXECUTE FUNCTION ${quotedSchema}.refuse_change();
      CREATE TRIGGER events_never_truncated BEFORE TRUNCATE ON ${events}
        FOR EACH STATEMENT EXECUTE FUNCTION ${quotedSchema}.refuse_change();

      -- outcome 'appended': revision and position of the last event written;
      -- 'conflict': the stream's current revision (NULL when it has no events);
      -- 'duplicate': some event id is already recorded, nothing was written, and the caller looks closer
      --   (a retry of an append that happened, a conflict, or reused ids); revision as for 'conflict'.
      CREATE FUNCTION ${appendFunction}(
        p_stream_id text,
        p_expected text,
        p_event_ids text[],
        p_types text[],
        p_schema_versions integer[],
        p_data text[],
        p_metadata text[],
        p_recorded_at timestamptz
      ) RETURNS TABLE (outcome text, revision bigint, "position" bigint)
      LANGUAGE plpgsql
      -- Every lookup here has an index. PL/pgSQL keeps the plans it made while the log was small; without
      -- this they could stay sequential scans, and appends would slow down as the log grows.
      SET enable_seqscan = off
      AS $fn$
      DECLARE
        v_current bigint;
        v_expected_holds boolean;
        v_last_position bigint;
        v_count integer := cardinality(p_event_ids);
      BEGIN
        -- One append at a time per event log, released at commit: positions are handed out in commit order,
        -- so no reader ever sees a position while a lower one is still uncommitted.
        PERFORM pg_advisory_xact_lock(${appendLockKey});

        SELECT max(e.stream_revision) INTO v_current FROM ${events} e WHERE e.stream_id = p_stream_id;
        v_expected_holds := CASE p_expected
          WHEN 'any' THEN true
          WHEN 'no_stream' THEN v_current IS NULL
          WHEN 'stream_exists' THEN v_current IS NOT NULL
          ELSE v_current IS NOT DISTINCT FROM p_expected::bigint
        END;
        IF EXISTS (SELECT 1 FROM ${events} e WHERE e.event_id = ANY (p_event_ids)) THEN
          RETURN QUERY SELECT 'duplicate'::text, v_current, NULL::bigint;
          RETURN;
        END IF;
        IF NOT v_expected_holds THEN
          RETURN QUERY SELECT 'conflict'::text, v_current, NULL::bigint;
          RETURN;
        END IF;

        SELECT coalesce(max(e.global_position), 0) INTO v_last_position FROM ${events} e;
        INSERT INTO ${events}
          (global_position, stream_id, stream_revision, event_id, type, schema_version, data, metadata, recorded_at)
        SELECT v_last_position + t.n, p_stream_id, coalesce(v_current, -1) + t.n, t.event_id, t.type,
               t.schema_version, t.data::json, t.metadata::json, coalesce(p_recorded_at, clock_timestamp())
        FROM unnest(p_event_ids, p_types, p_schema_versions, p_data, p_metadata)
          WITH ORDINALITY AS t(event_id, type, schema_version, data, metadata, n);

        PERFORM pg_notify('${channel.raw}', (v_last_position + v_count)::text);
        RETURN QUERY SELECT 'appended'::text, coalesce(v_current, -1) + v_count, v_last_position + v_count;
      END
      $fn$;
    `,
  },
  {
    version: 2,
    description: 'append function: recorded event ids found by the unique index while inserting',
    sql: ({ events, appendFunction, channel, appendLockKey }) => `
      -- As version 1, but the ids are not looked up before every insert (100 index probes for 100 events,
      -- an eighth of an append's time): the unique index on event_id finds a recorded id while inserting and
      -- the statement fails with unique_violation on events_event_id_key, writing nothing. Only when the
      -- expected revision does not hold are the ids looked up, so that a reused id is reported as such
      -- ('duplicate') rather than as a conflict.
      CREATE OR REPLACE FUNCTION ${appendFunction}(
        p_stream_id text,
        p_expected text,
        p_event_ids text[],
        p_types text[],
        p_schema_versions integer[],
        p_data text[],
        p_metadata text[],
        p_recorded_at timestamptz
      ) RETURNS TABLE (outcome text, revision bigint, "position" bigint)
      LANGUAGE plpgsql
      SET enable_seqscan = off
      AS $fn$
      DECLARE
        v_current bigint;
        v_expected_holds boolean;
        v_last_position bigint;
        v_count integer := cardinality(p_event_ids);
      BEGIN
        PERFORM pg_advisory_xact_lock(${appendLockKey});

        SELECT max(e.stream_revision) INTO v_current FROM ${events} e WHERE e.stream_id = p_stream_id;
        v_expected_holds := CASE p_expected
          WHEN 'any' THEN true
          WHEN 'no_stream' THEN v_current IS NULL
          WHEN 'stream_exists' THEN v_current IS NOT NULL
          ELSE v_current IS NOT DISTINCT FROM p_expected::bigint
        END;
        IF NOT v_expected_holds THEN
          IF EXISTS (SELECT 1 FROM ${events} e WHERE e.event_id = ANY (p_event_ids)) THEN
            RETURN QUERY SELECT 'duplicate'::text, v_current, NULL::bigint;
          ELSE
            RETURN QUERY SELECT 'conflict'::text, v_current, NULL::bigint;
          END IF;
          RETURN;
        END IF;

        SELECT coalesce(max(e.global_position), 0) INTO v_last_position FROM ${events} e;
        INSERT INTO ${events}
          (global_position, stream_id, stream_revision, event_id, type, schema_version, data, metadata, recorded_at)
        SELECT v_last_position + t.n, p_stream_id, coalesce(v_current, -1) + t.n, t.event_id, t.type,
               t.schema_version, t.data::json, t.metadata::json, coalesce(p_recorded_at, clock_timestamp())
        FROM unnest(p_event_ids, p_types, p_schema_versions, p_data, p_metadata)
          WITH ORDINALITY AS t(event_id, type, schema_version, data, metadata, n);

        PERFORM pg_notify('${channel.raw}', (v_last_position + v_count)::text);
        RETURN QUERY SELECT 'appended'::text, coalesce(v_current, -1) + v_count, v_last_position + v_count;
      END
      $fn$;
    `,
  },
  {
    version: 3,
    description: 'append function: a consistency condition on events after a position, under the lock',
    sql: ({ events, appendFunction, channel, appendLockKey }) => `
      -- As version 2, plus two parameters that default to NULL (calls with the eight of before still work):
      -- p_condition (NULL: none) is a JSON array of query items {"eventTypes"?, "streamIds"?,
      -- "streamPrefixes"?}; the append fails with outcome 'inconsistent' and the position of the first event
      -- after p_condition_after (NULL: from the start) that matches any item. Checked under the append lock,
      -- so no event can be appended between the check and the insert.
      DROP FUNCTION ${appendFunction}(text, text, text[], text[], integer[], text[], text[], timestamptz);
      CREATE FUNCTION ${appendFunction}(
        p_stream_id text,
        p_expected text,
        p_event_ids text[],
        p_types text[],
        p_schema_versions integer[],
        p_data text[],
        p_metadata text[],
        p_recorded_at timestamptz,
        p_condition_after bigint DEFAULT NULL,
        p_condition json DEFAULT NULL
      ) RETURNS TABLE (outcome text, revision bigint, "position" bigint)
      LANGUAGE plpgsql
      SET enable_seqscan = off
      AS $fn$
      DECLARE
        v_current bigint;
        v_expected_holds boolean;
        v_changed bigint;
        v_last_position bigint;
        v_count integer := cardinality(p_event_ids);
      BEGIN
        PERFORM pg_advisory_xact_lock(${appendLockKey});

        SELECT max(e.stream_revision) INTO v_current FROM ${events} e WHERE e.stream_id = p_stream_id;
        v_expected_holds := CASE p_expected
          WHEN 'any' THEN true
          WHEN 'no_stream' THEN v_current IS NULL
          WHEN 'stream_exists' THEN v_current IS NOT NULL
          ELSE v_current IS NOT DISTINCT FROM p_expected::bigint
        END;
        IF v_expected_holds AND p_condition IS NOT NULL THEN
          -- Walks the primary key from the position: only what was appended since the facts were read.
          SELECT e.global_position INTO v_changed
          FROM ${events} e
          WHERE e.global_position > coalesce(p_condition_after, 0)
            AND EXISTS (
              SELECT 1 FROM json_array_elements(p_condition) q(item)
              WHERE (q.item->'eventTypes' IS NULL
                     OR e.type IN (SELECT json_array_elements_text(q.item->'eventTypes')))
                AND (q.item->'streamIds' IS NULL
                     OR e.stream_id IN (SELECT json_array_elements_text(q.item->'streamIds')))
                AND (q.item->'streamPrefixes' IS NULL
                     OR EXISTS (SELECT 1 FROM json_array_elements_text(q.item->'streamPrefixes') p(prefix)
                                WHERE left(e.stream_id, length(p.prefix)) = p.prefix)))
          ORDER BY e.global_position
          LIMIT 1;
        END IF;
        IF NOT v_expected_holds OR v_changed IS NOT NULL THEN
          IF EXISTS (SELECT 1 FROM ${events} e WHERE e.event_id = ANY (p_event_ids)) THEN
            RETURN QUERY SELECT 'duplicate'::text, v_current, NULL::bigint;
          ELSIF NOT v_expected_holds THEN
            RETURN QUERY SELECT 'conflict'::text, v_current, NULL::bigint;
          ELSE
            RETURN QUERY SELECT 'inconsistent'::text, v_current, v_changed;
          END IF;
          RETURN;
        END IF;

        SELECT coalesce(max(e.global_position), 0) INTO v_last_position FROM ${events} e;
        INSERT INTO ${events}
          (global_position, stream_id, stream_revision, event_id, type, schema_version, data, metadata, recorded_at)
        SELECT v_last_position + t.n, p_stream_id, coalesce(v_current, -1) + t.n, t.event_id, t.type,
               t.schema_version, t.data::json, t.metadata::json, coalesce(p_recorded_at, clock_timestamp())
        FROM unnest(p_event_ids, p_types, p_schema_versions, p_data, p_metadata)
          WITH ORDINALITY AS t(event_id, type, schema_version, data, metadata, n);

        PERFORM pg_notify('${channel.raw}', (v_last_position + v_count)::text);
        RETURN QUERY SELECT 'appended'::text, coalesce(v_current, -1) + v_count, v_last_position + v_count;
      END
      $fn$;
    `,
  },
  {
    version: 4,
    description: 'append_group: several appends in one transaction, each on its own (group commit)',
    sql: ({ appendFunction, appendGroupFunction }) => `
      -- p_appends: a JSON array of appends, each {"streamId", "expected", "eventIds", "types",
      -- "schemaVersions", "data", "metadata" (lists; data and metadata as JSON text), "recordedAt"?,
      -- "conditionAfter"?, "condition"?}. Each runs the append function in a subtransaction of its own, in
      -- order, and sees the ones before it: one row per append, numbered from 1, with that function's
      -- outcome, or 'duplicate' when a recorded event id stopped its insert (only its subtransaction is
      -- undone). Any other error fails the whole group, and nothing of it is stored.
      CREATE FUNCTION ${appendGroupFunction}(p_appends json)
      RETURNS TABLE (n integer, outcome text, revision bigint, "position" bigint)
      LANGUAGE plpgsql
      AS $fn$
      DECLARE
        v_append json;
        v_n integer := 0;
        v_constraint text;
      BEGIN
        FOR v_append IN SELECT a.value FROM json_array_elements(p_appends) WITH ORDINALITY AS a(value, i) ORDER BY a.i
        LOOP
          v_n := v_n + 1;
          BEGIN
            RETURN QUERY SELECT v_n, r.outcome, r.revision, r."position"
            FROM ${appendFunction}(
              v_append->>'streamId',
              v_append->>'expected',
              ARRAY(SELECT x FROM json_array_elements_text(v_append->'eventIds') WITH ORDINALITY t(x, i) ORDER BY i),
              ARRAY(SELECT x FROM json_array_elements_text(v_append->'types') WITH ORDINALITY t(x, i) ORDER BY i),
              ARRAY(SELECT x::integer FROM json_array_elements_text(v_append->'schemaVersions')
                    WITH ORDINALITY t(x, i) ORDER BY i),
              ARRAY(SELECT x FROM json_array_elements_text(v_append->'data') WITH ORDINALITY t(x, i) ORDER BY i),
              ARRAY(SELECT x FROM json_array_elements_text(v_append->'metadata') WITH ORDINALITY t(x, i) ORDER BY i),
              (v_append->>'recordedAt')::timestamptz,
              (v_append->>'conditionAfter')::bigint,
              v_append->'condition'
            ) r;
          EXCEPTION WHEN unique_violation THEN
            GET STACKED DIAGNOSTICS v_constraint = CONSTRAINT_NAME;
            IF v_constraint <> 'events_event_id_key' THEN
              RAISE;
            END IF;
            RETURN QUERY SELECT v_n, 'duplicate'::text, NULL::bigint, NULL::bigint;
          END;
        END LOOP;
      END
      $fn$;
    `,
  },
  {
    version: 5,
    description: 'snapshots: read-model states with the global position they cover',
    sql: ({ snapshots }) => `
      CREATE TABLE ${snapshots} (
        name text PRIMARY KEY,
        version text NOT NULL,
        "position" bigint NOT NULL,
        state bytea NOT NULL,
        written_at timestamptz NOT NULL DEFAULT clock_timestamp()
      );
    `,
  },
];
