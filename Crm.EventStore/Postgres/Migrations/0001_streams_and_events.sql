-- Streams and events. __schema__ is replaced by the store's schema (a quoted identifier).
--
-- Stream ids use the "C" collation: ordering is by UTF-8 bytes, independent of the server's
-- locale, so that verification and the store digest walk streams in the same order everywhere.

CREATE TABLE __schema__.streams (
    id          text COLLATE "C" NOT NULL,
    type        text,
    version     bigint NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    archived    boolean NOT NULL DEFAULT false,
    -- The hash and writing transaction of the newest event: an append chains from the head
    -- without reading the events table, and refuses to write behind a newer transaction.
    head_hash   bytea NOT NULL,
    head_tx_id  xid8 NOT NULL,
    CONSTRAINT streams_pkey PRIMARY KEY (id),
    CONSTRAINT streams_version_check CHECK (version > 0)
);

CREATE TABLE __schema__.events (
    position        bigint GENERATED ALWAYS AS IDENTITY,
    stream_id       text COLLATE "C" NOT NULL,
    version         bigint NOT NULL,
    event_id        uuid NOT NULL,
    type_name       text NOT NULL,
    schema_version  integer NOT NULL,
    data            jsonb NOT NULL,
    metadata        jsonb NOT NULL,
    occurred_at     timestamptz NOT NULL,
    recorded_at     timestamptz NOT NULL,
    -- The writing transaction: catch-up readers deliver only events whose transaction is older
    -- than every transaction still running, ordered by (tx_id, position).
    tx_id           xid8 NOT NULL DEFAULT pg_current_xact_id(),
    hash            bytea NOT NULL,
    -- The last line of defence for optimistic concurrency.
    CONSTRAINT events_pkey PRIMARY KEY (stream_id, version),
    CONSTRAINT events_version_check CHECK (version > 0)
);

CREATE UNIQUE INDEX events_commit_order_idx ON __schema__.events (tx_id, position);
