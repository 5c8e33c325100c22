#!/usr/bin/env bash
# Runs a command beside a throw-away PostgreSQL server: `scripts/with-postgres.sh pnpm test`.
# Debian's postgresql (apt-get install when missing, as test/browser/setup.sh does for chromium); initdb into a
# temporary directory owned by the postgres user (the server refuses to run as root); a free port on 127.0.0.1;
# the command gets TEST_DATABASE_URL (a superuser URL: the tests create a database each); the server is stopped
# and its directory removed when the command ends, whatever its exit status.
# With TEST_DATABASE_URL already set, the command runs against that server instead.
set -euo pipefail
if [ -n "${TEST_DATABASE_URL:-}" ]; then exec "$@"; fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
if [ -z "$(bindir)" ] || [ ! -x "$(bindir)/initdb" ]; then
  # Only the binaries: no default cluster started on port 5432 behind our back.
  $SUDO mkdir -p /etc/postgresql-common
  echo "create_main_cluster = false" | $SUDO tee /etc/postgresql-common/createcluster.conf >/dev/null
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold postgresql >/dev/null
fi
BIN="$(bindir)"

# As root, the server runs as the postgres user (Debian's package creates it); otherwise as the caller.
AS=()
if [ "$(id -u)" -eq 0 ]; then AS=(runuser -u postgres --); fi
DIR="$(mktemp -d /tmp/fne-pg.XXXXXX)"
if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$DIR"; fi
PORT="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"

stop() {
  "${AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap stop EXIT
trap 'exit 130' INT TERM

"${AS[@]}" "$BIN/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 ||
  { cat "$DIR/initdb.log" >&2; exit 1; }
# fsync off: a throw-away server for tests and benchmarks, never for data that matters.
"${AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
  -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null ||
  { cat "$DIR/server.log" >&2; exit 1; }
echo "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT (stopped when the command ends)" >&2

export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/postgres"
set +e
"$@"
status=$?
set -e
exit $status
