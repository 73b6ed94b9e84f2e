-- Puzzel Raw data tables the Callout Dashboard reads (domain notes §8), for the embedded SQLite demo
-- and tests. SQLite has no timestamp or numeric(19,0): timestamps are stored as text
-- 'YYYY-MM-DD hh:mm:ss.fff' (local wall-clock time, compared as text), and call_id as text so that
-- 19-digit ids above 2^63 survive exactly.

PRAGMA journal_mode = WAL;

CREATE TABLE IF NOT EXISTS call_events (
    rec_id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_key           TEXT,
    call_id                TEXT NOT NULL,
    call_sequence          INTEGER,
    media_type_id          INTEGER,
    dte_start              TEXT NOT NULL,
    duration_tot_sec       INTEGER NOT NULL DEFAULT 0,
    duration_speak_sec     INTEGER,
    dte_speak_start        TEXT,
    source                 TEXT,
    destination            TEXT,
    additional_source      TEXT,
    redirect_source        TEXT,
    service_num            TEXT,
    queue_key              TEXT,
    menue_key              TEXT,
    menue_choice           TEXT,
    agent_id               INTEGER,
    event_type             TEXT NOT NULL,
    result_code            TEXT,
    answered               INTEGER,
    ciq                    TEXT,
    call_transfer          INTEGER,
    wrap_up_sec            INTEGER,
    alert_ms               INTEGER,
    setup_ms               INTEGER,
    block_duration_sec     INTEGER,
    internal_iq_session_id TEXT,
    internal_odr_id        INTEGER,
    dte_updated            TEXT,
    sla                    INTEGER,
    alt_sla                INTEGER,
    dte_scheduled_callback TEXT,
    result_response        INTEGER,
    request_id             INTEGER,
    hold                   INTEGER,
    consult                INTEGER,
    caller_on_hold_sec     INTEGER,
    leg_type               TEXT,
    originating            TEXT,
    add_originating        TEXT
);

-- rec_id beside dte_updated: the poll's row stamps come from the index alone.
CREATE INDEX IF NOT EXISTS ix_call_events_dte_updated ON call_events (dte_updated, rec_id);
CREATE INDEX IF NOT EXISTS ix_call_events_call_id ON call_events (call_id);
CREATE INDEX IF NOT EXISTS ix_call_events_dte_start ON call_events (dte_start);
CREATE INDEX IF NOT EXISTS ix_call_events_queue_key_dte_start ON call_events (queue_key, dte_start);

CREATE TABLE IF NOT EXISTS call_event_extras (
    rec_id      INTEGER PRIMARY KEY,
    agent2agent INTEGER
);

CREATE TABLE IF NOT EXISTS agent_events (
    rec_id       INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_key TEXT,
    agent_id     INTEGER NOT NULL,
    event_type   TEXT NOT NULL,
    event_source TEXT,
    dte_start    TEXT NOT NULL,
    duration_sec INTEGER,
    pause_type   TEXT,
    call_id      TEXT,
    dte_updated  TEXT
);

CREATE INDEX IF NOT EXISTS ix_agent_events_dte_updated ON agent_events (dte_updated);
CREATE INDEX IF NOT EXISTS ix_agent_events_dte_start ON agent_events (dte_start);
CREATE INDEX IF NOT EXISTS ix_agent_events_agent_id_dte_start ON agent_events (agent_id, dte_start);

CREATE TABLE IF NOT EXISTS agents (
    agent_id       INTEGER PRIMARY KEY,
    customer_key   TEXT,
    user_name      TEXT,
    user_num       TEXT,
    full_name      TEXT,
    usergroup_id   INTEGER,
    usergroup_name TEXT,
    dte_updated    TEXT,
    deleted        INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS queues (
    service_num TEXT,
    queue_key   TEXT,
    descript    TEXT
);
