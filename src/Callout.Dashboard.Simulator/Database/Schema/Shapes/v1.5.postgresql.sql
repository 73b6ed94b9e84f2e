-- A Raw data database older than v1.6 (domain notes §9.7), applied on top of postgresql.sql: no extras table,
-- none of the v1.7 (request_id, dte_scheduled_callback) and v1.9 (hold, consult, caller_on_hold_sec, leg_type,
-- originating, add_originating) columns, and rec_id an int as Puzzel's table description has it.
DROP TABLE IF EXISTS call_event_extras;
ALTER TABLE call_events
    DROP COLUMN IF EXISTS request_id,
    DROP COLUMN IF EXISTS dte_scheduled_callback,
    DROP COLUMN IF EXISTS hold,
    DROP COLUMN IF EXISTS consult,
    DROP COLUMN IF EXISTS caller_on_hold_sec,
    DROP COLUMN IF EXISTS leg_type,
    DROP COLUMN IF EXISTS originating,
    DROP COLUMN IF EXISTS add_originating;
ALTER TABLE call_events ALTER COLUMN rec_id TYPE int;
