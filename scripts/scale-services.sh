#!/usr/bin/env bash
# PostgreSQL and Redis on this machine for `make test-scale` (tests/scale/): installs Debian's
# packages when missing, starts them when they are not running (listening on 127.0.0.1 only),
# creates the test role and databases, waits until both answer, and writes the connection
# settings the tests read to build/scale-services.env. Safe to run again: it only does what is
# missing, and says what it did.
#
# For tests only: the role's password is a fixed, published test value and the databases hold
# made-up conversations. Never point this at a server that holds real data.
#
# Settings (environment): SCALE_PG_PORT (default: the cluster's port, usually 5432),
# SCALE_REDIS_PORT (default 6379), SCALE_REDIS_DB (default 15).
set -euo pipefail
cd "$(dirname "$0")/.."

ROLE=signposting_test
PASSWORD=signposting_test
TRACKER_DB=signposting_test_trackers
CATALOGUE_DB=signposting_test_catalogue
REDIS_PORT=${SCALE_REDIS_PORT:-6379}
REDIS_DB=${SCALE_REDIS_DB:-15}
ENV_FILE=build/scale-services.env

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi

say()  { echo "scale-services: $*"; }
fail() { echo "scale-services: ERROR: $*" >&2; exit 1; }

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

# Runs a command as the operating-system user $1 (postgres, redis).
as_user() {
  local user=$1; shift
  if [ "$(id -u)" = 0 ]; then runuser -u "$user" -- "$@"; else sudo -u "$user" -- "$@"; fi
}

# --- packages --------------------------------------------------------------------------------

command -v dpkg-query >/dev/null || fail "this script needs a Debian system (dpkg and apt-get); \
install PostgreSQL and Redis yourself, start them on 127.0.0.1, and see build/scale-services.env's variables in this script"

missing=()
installed postgresql || missing+=(postgresql)
installed redis-server || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  if [ -n "$SUDO" ] && ! command -v sudo >/dev/null; then
    fail "${missing[*]} not installed, and not running as root with no sudo to install them: \
install them (apt-get install ${missing[*]}) and run this again"
  fi
  say "installing ${missing[*]} with apt-get"
  # policy-rc.d-free containers would start the services from the packages' scripts; that is
  # fine, the checks below then find them running.
  $SUDO apt-get update -qq \
    || fail "apt-get update failed (no network or no package sources?): install ${missing[*]} yourself"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
    || fail "apt-get install ${missing[*]} failed: see the messages above; install them yourself and run this again"
  say "installed ${missing[*]}"
else
  say "postgresql and redis-server are installed"
fi
command -v pg_lsclusters >/dev/null || fail "pg_lsclusters not found although postgresql is installed (postgresql-common broken?)"
REDIS_SERVER=$(command -v redis-server || true)
[ -n "$REDIS_SERVER" ] || REDIS_SERVER=/usr/bin/redis-server
[ -x "$REDIS_SERVER" ] || fail "redis-server not found although the package is installed"
command -v redis-cli >/dev/null || fail "redis-cli not found (Debian's redis-tools package)"

# --- PostgreSQL ------------------------------------------------------------------------------

# The first cluster (Debian's postgresql package creates "<version> main"); made if none.
cluster=$(pg_lsclusters -h | awk 'NR == 1 {print $1, $2}')
if [ -z "$cluster" ]; then
  version=$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$version" ] || fail "no PostgreSQL server version under /usr/lib/postgresql"
  say "no PostgreSQL cluster: creating $version main"
  $SUDO pg_createcluster "$version" main >/dev/null || fail "pg_createcluster $version main failed"
  cluster="$version main"
fi
read -r version name <<<"$cluster"
pg_port=$(pg_lsclusters -h | awk -v v="$version" -v n="$name" '$1 == v && $2 == n {print $3}')
if [ -n "${SCALE_PG_PORT:-}" ] && [ "$SCALE_PG_PORT" != "$pg_port" ]; then
  fail "SCALE_PG_PORT=$SCALE_PG_PORT but PostgreSQL cluster $version/$name is on port $pg_port"
fi
status=$(pg_lsclusters -h | awk -v v="$version" -v n="$name" '$1 == v && $2 == n {print $4}')
if [ "$status" = online ]; then
  say "PostgreSQL $version/$name already running on port $pg_port"
else
  say "starting PostgreSQL $version/$name on 127.0.0.1:$pg_port"
  # listen_addresses for this start only: the cluster's own configuration is left alone.
  $SUDO pg_ctlcluster -o "-c listen_addresses=127.0.0.1" "$version" "$name" start \
    || fail "pg_ctlcluster $version $name start failed; see /var/log/postgresql/postgresql-$version-$name.log"
fi
for _ in $(seq 1 60); do
  pg_isready -q -h 127.0.0.1 -p "$pg_port" && break
  sleep 0.5
done
pg_isready -q -h 127.0.0.1 -p "$pg_port" \
  || fail "PostgreSQL does not answer on 127.0.0.1:$pg_port after 30 s (is it listening on 127.0.0.1? see its log)"
say "PostgreSQL answers on 127.0.0.1:$pg_port"

psql_admin() { (cd / && as_user postgres psql -X -q -v ON_ERROR_STOP=1 -p "$pg_port" "$@"); }
exists() { [ "$(psql_admin -tAc "$1")" = 1 ]; }

if exists "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'"; then
  psql_admin -c "ALTER ROLE $ROLE LOGIN PASSWORD '$PASSWORD'" >/dev/null
  say "role $ROLE exists"
else
  psql_admin -c "CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD'" >/dev/null \
    || fail "could not create the PostgreSQL role $ROLE"
  say "created role $ROLE"
fi
for db in "$TRACKER_DB" "$CATALOGUE_DB"; do
  if exists "SELECT 1 FROM pg_database WHERE datname = '$db'"; then
    say "database $db exists"
  else
    psql_admin -c "CREATE DATABASE $db OWNER $ROLE" >/dev/null \
      || fail "could not create the PostgreSQL database $db"
    say "created database $db (owner $ROLE)"
  fi
done
PGPASSWORD=$PASSWORD psql -X -q -h 127.0.0.1 -p "$pg_port" -U "$ROLE" -d "$TRACKER_DB" -tAc "SELECT 1" >/dev/null \
  || fail "cannot log in to $TRACKER_DB as $ROLE over TCP on 127.0.0.1:$pg_port (pg_hba.conf must allow password logins from 127.0.0.1)"

# --- Redis -----------------------------------------------------------------------------------

if [ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ]; then
  say "Redis already running on 127.0.0.1:$REDIS_PORT"
else
  say "starting Redis on 127.0.0.1:$REDIS_PORT (daemonized, no persistence)"
  redis_user=root
  if id redis >/dev/null 2>&1; then redis_user=redis; fi
  logdir=/var/log/redis; rundir=/var/run/redis
  $SUDO mkdir -p "$logdir" "$rundir"
  $SUDO chown "$redis_user" "$logdir" "$rundir"
  as_user "$redis_user" "$REDIS_SERVER" --bind 127.0.0.1 --port "$REDIS_PORT" --protected-mode yes \
    --daemonize yes --save "" --appendonly no --dir /tmp \
    --pidfile "$rundir/redis-scale-$REDIS_PORT.pid" --logfile "$logdir/redis-scale-$REDIS_PORT.log" \
    || fail "redis-server did not start; see $logdir/redis-scale-$REDIS_PORT.log"
  for _ in $(seq 1 40); do
    [ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ] && break
    sleep 0.25
  done
fi
[ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ] \
  || fail "Redis does not answer on 127.0.0.1:$REDIS_PORT after 10 s; see /var/log/redis/"
say "Redis answers on 127.0.0.1:$REDIS_PORT (tests use database $REDIS_DB)"

# --- settings for the tests -----------------------------------------------------------------

mkdir -p build
cat >"$ENV_FILE" <<ENV
# Written by scripts/scale-services.sh: the local test services for tests/scale (test-only
# role and password, databases of made-up conversations).
TEST_TRACKER_DB_URL=postgresql://$ROLE:$PASSWORD@127.0.0.1:$pg_port/$TRACKER_DB
TEST_CATALOGUE_DB_URL=postgresql://$ROLE:$PASSWORD@127.0.0.1:$pg_port/$CATALOGUE_DB
TEST_REDIS_URL=redis://127.0.0.1:$REDIS_PORT/$REDIS_DB
ENV
say "settings for the tests written to $ENV_FILE:"
sed -n 's/^\([A-Z_]*=\)/  \1/p' "$ENV_FILE"
