-- Shaped like a public mirror of a live Puzzel database (domain notes §9.8–9.9), applied on top of
-- postgresql.sql: the extras table spelled as in Puzzel's transfer guide, agent_events with the pause reason
-- in pause_type_name and pause_type_id (no pause_type) and the mirror's other columns, agents as extracted.
ALTER TABLE call_event_extras RENAME TO call_events_extras;
ALTER TABLE agent_events DROP COLUMN pause_type;
ALTER TABLE agent_events
    ADD COLUMN pause_type_name varchar(100),
    ADD COLUMN pause_type_id int,
    ADD COLUMN phone_num varchar(50),
    ADD COLUMN profile varchar(100),
    ADD COLUMN result_code char(2),
    ADD COLUMN queue_key varchar(100),
    ADD COLUMN usergroup_id int;
ALTER TABLE agents
    ADD COLUMN email varchar(256),
    ADD COLUMN mobile varchar(256),
    ADD COLUMN puzzel_id varchar(255);
