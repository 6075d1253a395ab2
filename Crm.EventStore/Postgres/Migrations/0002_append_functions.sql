-- Server-side append: one round trip per append, whatever the number of streams and events.
-- __lock_seed__ is a per-schema constant, so that equal stream ids in two schemas of one
-- database do not contend for the same advisory lock.

-- Locks streams for the rest of the transaction, in key order so that two appends that touch the
-- same streams cannot deadlock. Advisory locks do not assign a transaction id: a transaction that
-- starts with this gets its id only after it holds every lock, so on each stream the writers'
-- transaction ids increase with the stream's versions (the catch-up read relies on it).
CREATE FUNCTION __schema__.lock_streams(p_stream_ids text[])
RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    v_key bigint;
BEGIN
    IF cardinality(p_stream_ids) = 1 THEN
        PERFORM pg_advisory_xact_lock(hashtextextended(p_stream_ids[1], __lock_seed__));
        RETURN;
    END IF;
    FOR v_key IN
        SELECT DISTINCT hashtextextended(s, __lock_seed__) FROM unnest(p_stream_ids) AS s ORDER BY 1
    LOOP
        PERFORM pg_advisory_xact_lock(v_key);
    END LOOP;
END;
$$;

-- Appends events to one or more streams as one unit.
--
-- Streams: p_stream_ids[i] with p_stream_types[i], p_expected[i] (-1 any, -2 the stream exists,
-- n >= 0 exactly version n where 0 means the stream must not exist) and p_event_counts[i] events.
-- Events: the flattened arrays, stream after stream, each with the SHA-256 digest of its
-- canonical content computed by the client (p_digests).
--
-- Returns one row per event (status 0), in the order of the arguments, or a single row that explains why
-- nothing was written: status 1 wrong expected version, 2 stream archived, 3 the stream was last
-- written by a transaction newer than this one. stream_index names the stream and version holds
-- its current version.
--
-- Each event's hash is sha256(previous hash in the stream || version || recorded_at in
-- microseconds since 1970, both as big-endian int8 || content digest).
CREATE FUNCTION __schema__.append_events(
    p_stream_ids      text[],
    p_stream_types    text[],
    p_expected        bigint[],
    p_event_counts    integer[],
    p_event_ids       uuid[],
    p_type_names      text[],
    p_schema_versions integer[],
    p_data            jsonb[],
    p_metadata        jsonb[],
    p_occurred_at     timestamptz[],
    p_digests         bytea[],
    p_notify_channel  text)
RETURNS TABLE (status integer, stream_index integer, version bigint, "position" bigint,
               recorded_at timestamptz, tx_id xid8, hash bytea)
LANGUAGE plpgsql
AS $$
#variable_conflict use_column
DECLARE
    v_stream_count integer := cardinality(p_stream_ids);
    v_versions     bigint[];
    v_heads        bytea[];
    v_version      bigint;
    v_head         bytea;
    v_head_tx      xid8;
    v_archived     boolean;
    v_expected     bigint;
    v_tx           xid8;
    v_now          timestamptz;
    v_micros       bytea;
    v_hash         bytea;
    v_key          bigint;
    k              integer := 0;
BEGIN
    -- The same locking as lock_streams, inlined for the common single-stream case.
    IF v_stream_count = 1 THEN
        PERFORM pg_advisory_xact_lock(hashtextextended(p_stream_ids[1], __lock_seed__));
    ELSE
        FOR v_key IN
            SELECT DISTINCT hashtextextended(s, __lock_seed__) FROM unnest(p_stream_ids) AS s ORDER BY 1
        LOOP
            PERFORM pg_advisory_xact_lock(v_key);
        END LOOP;
    END IF;

    -- Every expectation is checked before anything is written: a refused append leaves no trace.
    -- Each statement of this (volatile) function takes a fresh snapshot, so the stream rows read
    -- here include the commit of whoever held a lock before us.
    FOR i IN 1 .. v_stream_count LOOP
        SELECT s.version, s.head_hash, s.head_tx_id, s.archived
          INTO v_version, v_head, v_head_tx, v_archived
          FROM __schema__.streams AS s
         WHERE s.id = p_stream_ids[i];
        IF NOT FOUND THEN
            v_version := 0;
        END IF;
        v_expected := p_expected[i];
        IF (v_expected >= 0 AND v_version <> v_expected) OR (v_expected = -2 AND v_version = 0) THEN
            status := 1; stream_index := i; version := v_version;
            RETURN NEXT;
            RETURN;
        END IF;
        IF v_archived THEN
            status := 2; stream_index := i; version := v_version;
            RETURN NEXT;
            RETURN;
        END IF;
        IF v_head_tx IS NOT NULL THEN
            -- Takes this transaction's id (after the locks, unless an earlier write in the same
            -- transaction already did) and refuses to put events of an older transaction after
            -- those of a newer one.
            v_tx := coalesce(v_tx, pg_current_xact_id());
            IF v_head_tx > v_tx THEN
                status := 3; stream_index := i; version := v_version;
                RETURN NEXT;
                RETURN;
            END IF;
        END IF;
        v_versions[i] := v_version;
        v_heads[i] := v_head;
    END LOOP;

    v_tx := coalesce(v_tx, pg_current_xact_id());
    -- The clock is read after the locks, so recorded_at grows with the versions of a stream.
    v_now := clock_timestamp();
    v_micros := int8send((extract(epoch FROM v_now) * 1000000)::bigint);
    status := 0;
    stream_index := 0;
    recorded_at := v_now;
    tx_id := v_tx;

    FOR i IN 1 .. v_stream_count LOOP
        v_hash := coalesce(v_heads[i], ''::bytea);
        v_version := v_versions[i];
        FOR j IN 1 .. p_event_counts[i] LOOP
            k := k + 1;
            v_version := v_version + 1;
            v_hash := sha256(v_hash || int8send(v_version) || v_micros || p_digests[k]);
            INSERT INTO __schema__.events AS e
                   (stream_id, version, event_id, type_name, schema_version, data, metadata,
                    occurred_at, recorded_at, tx_id, hash)
            VALUES (p_stream_ids[i], v_version, p_event_ids[k], p_type_names[k], p_schema_versions[k],
                    p_data[k], p_metadata[k], p_occurred_at[k], v_now, v_tx, v_hash)
            RETURNING e.position INTO "position";
            version := v_version;
            hash := v_hash;
            RETURN NEXT;
        END LOOP;
        IF v_versions[i] = 0 THEN
            INSERT INTO __schema__.streams AS s
                   (id, type, version, created_at, updated_at, archived, head_hash, head_tx_id)
            VALUES (p_stream_ids[i], p_stream_types[i], v_version, v_now, v_now, false, v_hash, v_tx);
        ELSE
            UPDATE __schema__.streams AS s
               SET version = v_version, updated_at = v_now, head_hash = v_hash, head_tx_id = v_tx,
                   type = coalesce(s.type, p_stream_types[i])
             WHERE s.id = p_stream_ids[i];
        END IF;
    END LOOP;

    IF p_notify_channel IS NOT NULL THEN
        PERFORM pg_notify(p_notify_channel, '');
    END IF;
END;
$$;
