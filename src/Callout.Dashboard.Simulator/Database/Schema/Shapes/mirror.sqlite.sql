-- Shaped like a public mirror of a live Puzzel database (domain notes §9.8–9.9), applied on top of sqlite.sql.
ALTER TABLE call_event_extras RENAME TO call_events_extras;
ALTER TABLE agent_events DROP COLUMN pause_type;
ALTER TABLE agent_events ADD COLUMN pause_type_name TEXT;
ALTER TABLE agent_events ADD COLUMN pause_type_id INTEGER;
ALTER TABLE agent_events ADD COLUMN phone_num TEXT;
ALTER TABLE agent_events ADD COLUMN profile TEXT;
ALTER TABLE agent_events ADD COLUMN result_code TEXT;
ALTER TABLE agent_events ADD COLUMN queue_key TEXT;
ALTER TABLE agent_events ADD COLUMN usergroup_id INTEGER;
ALTER TABLE agents ADD COLUMN email TEXT;
ALTER TABLE agents ADD COLUMN mobile TEXT;
ALTER TABLE agents ADD COLUMN puzzel_id TEXT;
