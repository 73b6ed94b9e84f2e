-- A Raw data database older than v1.6 (domain notes §9.7), applied on top of sqlite.sql: no extras table and
-- none of the v1.7 and v1.9 columns.
DROP TABLE IF EXISTS call_event_extras;
ALTER TABLE call_events DROP COLUMN request_id;
ALTER TABLE call_events DROP COLUMN dte_scheduled_callback;
ALTER TABLE call_events DROP COLUMN hold;
ALTER TABLE call_events DROP COLUMN consult;
ALTER TABLE call_events DROP COLUMN caller_on_hold_sec;
ALTER TABLE call_events DROP COLUMN leg_type;
ALTER TABLE call_events DROP COLUMN originating;
ALTER TABLE call_events DROP COLUMN add_originating;
