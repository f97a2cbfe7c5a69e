#!/usr/bin/env bash
# The whole test suite, as README says: installs what is missing (Debian, as root), starts a private
# PostgreSQL cluster, an SMTP server and uses Debian's Chromium, runs every test project on SQLite and the
# integration tests again on PostgreSQL, then stops what it started. Exit code: non-zero if anything failed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work="$root/.tmp/test-run"
pg_port="${QMS_PG_PORT:-55432}"
smtp_port="${QMS_SMTP_PORT:-2525}"
rm -rf "$work" && mkdir -p "$work"

log() { printf '\n== %s\n' "$*"; }

install_missing() {
  local packages=()
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || packages+=(postgresql postgresql-contrib)
  command -v chromium >/dev/null 2>&1 || packages+=(chromium)
  command -v python3 >/dev/null 2>&1 || packages+=(python3)
  command -v npm >/dev/null 2>&1 || packages+=(npm)
  command -v java >/dev/null 2>&1 || packages+=(openjdk-17-jre-headless)
  if [ ${#packages[@]} -gt 0 ]; then
    log "Installing ${packages[*]}"
    if [ "$(id -u)" -ne 0 ]; then echo "Need root to apt-get install ${packages[*]}" >&2; exit 1; fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
  fi
}

start_postgres() {
  local bin; bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  local data="$work/pg"
  mkdir -p "$data"
  # initdb refuses to run as root: run the private cluster as the postgres system user.
  local as=()
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres:postgres "$work"; as=(runuser -u postgres --); fi
  "${as[@]}" "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "${as[@]}" "$bin/pg_ctl" -D "$data" -l "$data/server.log" -o "-p $pg_port -k $data -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=300" -w start >/dev/null
  PG_STOP=("${as[@]}" "$bin/pg_ctl" -D "$data" -m fast -w stop)
  export QMS_TEST_PG="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Maximum Pool Size=20"
}

start_smtp() {
  mkdir -p "$work/mail"
  python3 "$root/build/smtp-sink.py" --port "$smtp_port" --folder "$work/mail" >"$work/smtp.log" 2>&1 &
  SMTP_PID=$!
  for _ in $(seq 1 50); do (echo >"/dev/tcp/127.0.0.1/$smtp_port") 2>/dev/null && break; sleep 0.1; done
  export QMS_TEST_SMTP_PORT="$smtp_port" QMS_TEST_SMTP_FOLDER="$work/mail"
}

cleanup() {
  [ -n "${SMTP_PID:-}" ] && kill "$SMTP_PID" 2>/dev/null || true
  [ -n "${PG_STOP:-}" ] && "${PG_STOP[@]}" >/dev/null 2>&1 || true
}
trap cleanup EXIT

install_missing
log "Starting PostgreSQL on 127.0.0.1:$pg_port and SMTP on 127.0.0.1:$smtp_port"
start_postgres
start_smtp
export QMS_CHROMIUM="${QMS_CHROMIUM:-$(command -v chromium)}"
log "Fetching axe-core (accessibility rules injected into Chromium) and vnu-jar (the Nu HTML Checker, run on Java 17)"
npm install --prefix "$work/npm" --no-save --no-audit --no-fund --loglevel=error axe-core@4.14.1 vnu-jar@26.9.27 >/dev/null
export QMS_AXE_SCRIPT="$work/npm/node_modules/axe-core/axe.min.js"
export QMS_VNU_JAR="$work/npm/node_modules/vnu-jar/build/dist/vnu.jar"
# Screenshots of the browser journeys and the HTML of every checked page.
export QMS_TEST_ARTIFACTS="$work/artifacts"
mkdir -p "$QMS_TEST_ARTIFACTS"

log "Building"
dotnet build QmsPortal.sln -c Release -nologo -v quiet

status=0
run() { # name, extra env..., project
  local name=$1; shift
  log "Tests: $name"
  if env "$@" --logger "trx;LogFilePrefix=$name" --results-directory "$work/results" -c Release --no-build -nologo; then :; else status=1; fi
}
run sqlite dotnet test QmsPortal.sln
# Tests with the trait Engine=Fixed choose their engine themselves (SQLite-only behaviour such as its lock file, or a
# PostgreSQL server that is not there): they ran above; repeating them here would count SQLite tests as PostgreSQL ones.
run postgres QMS_TEST_DB=Postgres dotnet test tests/QmsPortal.Tests --filter "Engine!=Fixed"

# One closing line over both runs, counted from the result files.
python3 - "$work/results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find(".//{*}Counters")
    passed += int(c.get("passed")); failed += int(c.get("failed")) + int(c.get("error")); skipped += int(c.get("notExecuted"))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
echo "Test artefacts (journey screenshots, checked pages): $QMS_TEST_ARTIFACTS"
exit $status
