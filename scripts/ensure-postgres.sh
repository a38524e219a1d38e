#!/usr/bin/env bash
# Brings up the machine's PostgreSQL 15 for the PostgreSQL read-model tests and prints the
# DATABASE_URL to use. Idempotent: an already running cluster, password and database are kept.
set -euo pipefail
PGPASSWORD_TEST="${CASETRAIL_PG_PASSWORD:-casetrail-test}"
DB="${CASETRAIL_PG_DATABASE:-casetrail_test}"

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "installing postgresql (Debian package)" >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
VERSION=$(ls /etc/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1==v && $2=="main" && $4=="online"' | grep -q .; then
  pg_ctlcluster --skip-systemctl-redirect "$VERSION" main start >&2
fi
for _ in $(seq 1 50); do
  su postgres -c "pg_isready -q -h 127.0.0.1 -p 5432" && break
  sleep 0.2
done
su postgres -c "psql -q -c \"alter user postgres password '$PGPASSWORD_TEST'\"" >&2
if ! su postgres -c "psql -tAc \"select 1 from pg_database where datname='$DB'\"" | grep -q 1; then
  su postgres -c "createdb $DB" >&2
fi
echo "postgres://postgres:$PGPASSWORD_TEST@127.0.0.1:5432/$DB"
