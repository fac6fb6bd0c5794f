#!/bin/sh
# Starts the machine's PostgreSQL and creates role/database "tidtam" (idempotent; run as root).
set -e
export DEBIAN_FRONTEND=noninteractive
command -v pg_ctlcluster >/dev/null || { apt-get update -qq && apt-get install -y -qq --no-install-recommends postgresql >/dev/null; }
PGVER=$(ls /usr/lib/postgresql | sort -n | tail -1)
pg_lsclusters -h | grep -q "^$PGVER main" || pg_createcluster "$PGVER" main >/dev/null
pg_ctlcluster "$PGVER" main status >/dev/null 2>&1 || pg_ctlcluster "$PGVER" main start
until runuser -u postgres -- pg_isready -q -h 127.0.0.1 -p 5432; do sleep 0.2; done
psql_su() { runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qtA "$@"; }
[ "$(psql_su -c "SELECT 1 FROM pg_roles WHERE rolname='tidtam'")" = 1 ] || psql_su -c "CREATE ROLE tidtam LOGIN CREATEDB PASSWORD 'tidtam'"
[ "$(psql_su -c "SELECT 1 FROM pg_database WHERE datname='tidtam'")" = 1 ] || \
  runuser -u postgres -- createdb -O tidtam -E UTF8 -T template0 --locale=C.UTF-8 tidtam
