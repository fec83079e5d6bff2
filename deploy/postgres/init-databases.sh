#!/bin/sh
# PostgreSQL's first start (docker-entrypoint-initdb.d): one database per service, each owned by its own
# role, so a service can neither read nor change another's data. Passwords come from the environment.
set -eu

create() {
    db=$1 password=$2
    [ -n "$password" ] || { echo "init-databases: no password for $db" >&2; exit 1; }
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
        -v db="$db" -v password="$password" <<'SQL'
CREATE ROLE :"db" LOGIN PASSWORD :'password';
CREATE DATABASE :"db" OWNER :"db";
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
SQL
}

create auth "$AUTH_DB_PASSWORD"
create device "$DEVICE_DB_PASSWORD"
create notification "$NOTIFICATION_DB_PASSWORD"
create fleet "$FLEET_DB_PASSWORD"
