#!/usr/bin/env bash
# Creates the read-only login the dashboard uses (README, "Connecting a real Raw data database").
#
# Run by the official postgres image from /docker-entrypoint-initdb.d, in name order, on the first
# start with an empty data volume only: after 01-schema.sql (our
# src/Callout.Dashboard.Simulator/Database/Schema/postgresql.sql, mounted by docker-compose.yml) has created
# the tables. The image executes this file if it is executable and sources it otherwise; both work.
#
# Environment (set by docker-compose.yml):
#   POSTGRES_USER, POSTGRES_DB   set by the image's own configuration
#   CALLOUT_READER_PASSWORD      password of callout_reader (from .env or the shell; never commit it)
#
# The password never appears on a command line or in this script's SQL text: psql reads it from
# the environment with \getenv (psql 15+) and quotes it as a literal with :'reader_password'.
# Re-running the script against an existing database is safe: it updates the password and grants.
set -e

: "${CALLOUT_READER_PASSWORD:?CALLOUT_READER_PASSWORD must be set to the password of callout_reader}"

psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v dbname="$POSTGRES_DB" <<'EOSQL'
\getenv reader_password CALLOUT_READER_PASSWORD

SELECT NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'callout_reader') AS need_role \gset
\if :need_role
CREATE ROLE callout_reader LOGIN PASSWORD :'reader_password';
\else
ALTER ROLE callout_reader LOGIN PASSWORD :'reader_password';
\endif

GRANT CONNECT ON DATABASE :"dbname" TO callout_reader;
GRANT USAGE ON SCHEMA public TO callout_reader;
GRANT SELECT ON call_events, call_event_extras, agent_events, agents, queues TO callout_reader;
ALTER ROLE callout_reader SET default_transaction_read_only = on;
EOSQL
