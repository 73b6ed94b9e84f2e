#!/usr/bin/env bash
# The project's test command: ./build/test.sh [extra dotnet test args...]
#
# Starts a throwaway PostgreSQL cluster on a free loopback port, runs every
# test project in the solution against it, and ends with a single summary
# line "N passed, N failed". Exits non-zero on any failure, and also when no
# tests ran at all (an empty run must never look green).
#
# Environment exported to the tests:
#   CALLOUT_TEST_PG   Npgsql connection string for the throwaway server
#                     (tests create their own databases on it)
#   CALLOUT_CHROMIUM  Chromium binary for browser tests
#   CALLOUT_REDIS     redis-server binary, CALLOUT_NGINX nginx binary (Failover tests)
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT="$PWD"

log() { echo "test.sh: $*" >&2; }
die() { echo "test.sh: ERROR: $*" >&2; exit 1; }

is_root() { [[ "$(id -u)" -eq 0 ]]; }

# Highest installed PostgreSQL server version (Debian layout), or empty.
find_pg_bin() {
    local initdb
    initdb="$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)"
    [[ -n "$initdb" ]] && dirname "$initdb"
    return 0
}

# ---------------------------------------------------------------------------
# 1. System prerequisites: PostgreSQL server binaries and Chromium.
#    Installed with apt when running as root (fresh CI machine); otherwise
#    we can only report what is missing.
# ---------------------------------------------------------------------------
export CALLOUT_CHROMIUM="${CALLOUT_CHROMIUM:-/usr/bin/chromium}"

export CALLOUT_REDIS="${CALLOUT_REDIS:-/usr/bin/redis-server}"
export CALLOUT_NGINX="${CALLOUT_NGINX:-/usr/sbin/nginx}"

missing_pkgs=()
[[ -n "$(find_pg_bin)" ]] || missing_pkgs+=(postgresql)
[[ -x "$CALLOUT_CHROMIUM" ]] || missing_pkgs+=(chromium)
# The Failover tests (issue 18) run two dashboards behind nginx with their shared state in Redis.
[[ -x "$CALLOUT_REDIS" ]] || missing_pkgs+=(redis-server)
[[ -x "$CALLOUT_NGINX" ]] || missing_pkgs+=(nginx)

if (( ${#missing_pkgs[@]} > 0 )); then
    if is_root && command -v apt-get >/dev/null 2>&1; then
        log "installing missing system packages: ${missing_pkgs[*]}"
        apt_log="$(mktemp /tmp/callout-apt.XXXXXX)"
        # The packages' own services (nginx on port 80, a system Redis) are not wanted: the tests start their own.
        policy_added=0
        if [[ ! -e /usr/sbin/policy-rc.d ]]; then
            printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && policy_added=1
        fi
        # Quiet on success; on failure dump the full apt output.
        if ! { apt-get update -q &&
               DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing_pkgs[@]}"; } \
               >"$apt_log" 2>&1 </dev/null; then
            cat "$apt_log" >&2
            rm -f "$apt_log"
            if (( policy_added )); then rm -f /usr/sbin/policy-rc.d; fi
            die "apt-get failed installing: ${missing_pkgs[*]}"
        fi
        rm -f "$apt_log"
        if (( policy_added )); then rm -f /usr/sbin/policy-rc.d; fi
    else
        log "missing system packages (${missing_pkgs[*]}) and cannot install them (need root + apt-get)"
    fi
fi

PG_BIN="$(find_pg_bin)"
[[ -n "$PG_BIN" ]] || die "PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin/initdb). Install them, e.g.: sudo apt-get install -y postgresql"
[[ -x "$CALLOUT_CHROMIUM" ]] || log "WARNING: Chromium not found at $CALLOUT_CHROMIUM; browser tests will fail (sudo apt-get install -y chromium)"
[[ -x "$CALLOUT_REDIS" && -x "$CALLOUT_NGINX" ]] || log "WARNING: redis-server or nginx missing; the Failover tests will fail (sudo apt-get install -y redis-server nginx)"

# Also accept a user-local SDK install (dotnet-install.sh default location).
if ! command -v dotnet >/dev/null 2>&1 && [[ -x "${HOME:-/nonexistent}/.dotnet/dotnet" ]]; then
    export PATH="$HOME/.dotnet:$PATH"
fi
command -v dotnet >/dev/null 2>&1 || die "the .NET SDK ('dotnet') is not on PATH; install the .NET 10 SDK"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# ---------------------------------------------------------------------------
# 2. Throwaway PostgreSQL cluster.
#    PostgreSQL refuses to run as root, so as root everything runs as the
#    'postgres' system user (created by the Debian package).
# ---------------------------------------------------------------------------
PG_TMP="$(mktemp -d /tmp/callout-pg.XXXXXX)"
PG_DATA="$PG_TMP/data"
PG_LOG="$PG_TMP/server.log"
PG_STARTED=0

chmod 755 "$PG_TMP"
if is_root; then
    id -u postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' user to run the server as"
    chown postgres: "$PG_TMP"
    RUN_AS=(runuser -u postgres --)
else
    RUN_AS=()
fi

# Run a PostgreSQL tool as the cluster owner. cd into the temp dir first:
# the repo (e.g. under /root) may not be readable by 'postgres'.
as_pg() { (cd "$PG_TMP" && "${RUN_AS[@]}" "$@"); }

cleanup() {
    if (( PG_STARTED )); then
        as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate stop >/dev/null 2>&1 || true
        PG_STARTED=0
    fi
    rm -rf "$PG_TMP"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if ! as_pg "$PG_BIN/initdb" -D "$PG_DATA" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$PG_TMP/initdb.log" 2>&1; then
    # C.UTF-8 is missing on some older/minimal systems.
    as_pg rm -rf "$PG_DATA"
    as_pg "$PG_BIN/initdb" -D "$PG_DATA" -A trust -U postgres -E UTF8 --locale=C >"$PG_TMP/initdb.log" 2>&1 ||
        { cat "$PG_TMP/initdb.log" >&2; die "initdb failed"; }
fi
# Trust for everyone but one role, whose password is really checked: the wrong-password start-up test
# (TestDatabase.PasswordCheckedRole). pg_hba.conf is read top down, so the line goes first.
as_pg sed -i '1i host all callout_wrongpw 127.0.0.1/32 scram-sha-256' "$PG_DATA/pg_hba.conf"

# A port is free if nothing accepts a connection on it. Pure bash (/dev/tcp)
# because python3 and ss may be absent on a fresh machine.
port_in_use() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" >/dev/null 2>&1; }
random_port() { echo $(( 20000 + (RANDOM * 32768 + RANDOM) % 40001 )); }

# Probing and binding race with other processes, so retry with a fresh port
# if the server could not bind.
PG_PORT=""
for attempt in $(seq 1 20); do
    port="$(random_port)"
    port_in_use "$port" && continue
    rm -f "$PG_LOG"
    # fsync & co. off: the data is throwaway, speed matters more.
    if as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 30 -o \
        "-c listen_addresses=127.0.0.1 -p $port -k $PG_TMP -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
        start >/dev/null 2>&1; then
        PG_STARTED=1
        PG_PORT="$port"
        break
    fi
    # pg_ctl may have timed out with the postmaster still coming up.
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate stop >/dev/null 2>&1 || true
    grep -qi "could not bind\|address already in use" "$PG_LOG" || break
    log "port $port taken, retrying"
done
if [[ -z "$PG_PORT" ]]; then
    log "PostgreSQL failed to start; server log follows:"
    cat "$PG_LOG" >&2 2>/dev/null || echo "(no server log)" >&2
    die "could not start the throwaway PostgreSQL server"
fi
log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') running on 127.0.0.1:$PG_PORT (data in $PG_TMP)"

export CALLOUT_TEST_PG="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres;Pooling=true"

# ---------------------------------------------------------------------------
# 3. Run the tests. Each test project writes its own .trx into RESULTS.
# ---------------------------------------------------------------------------
RESULTS="$ROOT/TestResults"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

# The 10-minute soak is opt-in (./build/test.sh --filter Category=Soak). The Failover tests (two dashboards,
# nginx, Redis and Chromium) run in a second pass of their own, one project at a time, once the parallel run
# is done: beside it, two cores cannot hold their timings. A caller's own --filter makes it one pass of that.
own_filter=0
for arg in "$@"; do
    [[ "$arg" == "--filter" ]] && own_filter=1
done

# Build the whole solution first: dotnet test alone skips projects that hold no tests, and the
# benchmark program is run by the benchmark smoke tests.
if ! dotnet build Callout.Dashboard.sln -c Release </dev/null; then
    cleanup
    trap - EXIT
    echo "the build failed"
    echo "0 passed, 1 failed"
    exit 1
fi

# run_pass <results folder> [dotnet test args...]
test_rc=0
run_pass() {
    local results="$1"
    shift
    dotnet test Callout.Dashboard.sln -c Release --no-build \
        --logger "trx" \
        --logger "console;verbosity=normal" \
        --results-directory "$results" \
        "$@" </dev/null || test_rc=$?
}

if (( own_filter )); then
    run_pass "$RESULTS" "$@"
else
    run_pass "$RESULTS" --filter "Category!=Soak&Category!=Failover" "$@"
    log "second pass: the Failover tests, one project at a time"
    run_pass "$RESULTS/failover" --filter "Category=Failover" -m:1 "$@"
fi

# Stop the server now (quietly) so nothing prints after the summary line.
cleanup
trap - EXIT

# ---------------------------------------------------------------------------
# 4. Summarise the TRX files: <Counters total=".." passed=".." failed=".." .../>
#    error/timeout/aborted outcomes are counted as failures too.
# ---------------------------------------------------------------------------
# Value of attribute $2 in the Counters element text $1 (0 if absent). The
# leading space keeps 'passed=' from matching 'passedButRunAborted='.
counter() { local v; v="$(grep -o " $2=\"[0-9]*\"" <<<"$1" | head -n 1 | grep -o '[0-9]\+' || true)"; echo "${v:-0}"; }

total_passed=0
total_failed=0
trx_count=0
shopt -s nullglob globstar
for trx in "$RESULTS"/**/*.trx; do
    trx_count=$(( trx_count + 1 ))
    counters="$(tr '\n' ' ' <"$trx" | grep -o '<Counters [^>]*>' | head -n 1 || true)"
    if [[ -z "$counters" ]]; then
        echo "${trx#"$ROOT"/}: no <Counters> element (incomplete run?)"
        total_failed=$(( total_failed + 1 ))
        continue
    fi
    p="$(counter "$counters" passed)"
    f=$(( $(counter "$counters" failed) + $(counter "$counters" error) + $(counter "$counters" timeout) + $(counter "$counters" aborted) ))
    # Name the test assembly when we can: first storage="...dll" path.
    asm="$(grep -o 'storage="[^"]*"' "$trx" | head -n 1 | sed 's/^storage="//; s/"$//; s#.*[/\\]##' || true)"
    echo "${trx#"$ROOT"/}${asm:+ ($asm)}: $p passed, $f failed"
    total_passed=$(( total_passed + p ))
    total_failed=$(( total_failed + f ))
done

# CI shows only the tail of the output: name each failed test there, with the start of its message.
for trx in "$RESULTS"/**/*.trx; do
    perl -0777 -ne 'while (/<UnitTestResult [^>]*?testName="([^"]*)"[^>]*?outcome="(?:Failed|Error|Timeout|Aborted)"[^>]*>(.*?)<\/UnitTestResult>/sg) {
        my ($name, $body) = ($1, $2); my ($msg) = $body =~ /<Message>(.*?)<\/Message>/s; $msg //= "";
        $msg =~ s/\s+/ /g; $msg =~ s/&lt;/</g; $msg =~ s/&gt;/>/g; $msg =~ s/&quot;/"/g; $msg =~ s/&amp;/&/g;
        $name =~ s/&quot;/"/g; $name =~ s/&amp;/&/g;
        printf "FAILED %s: %s\n", $name, substr($msg, 0, 600); }' "$trx" || true
done

rc=0
if (( test_rc != 0 )); then
    echo "dotnet test exited with status $test_rc"
    rc=$test_rc
fi
if (( trx_count == 0 )); then
    echo "no TRX files found in ${RESULTS#"$ROOT"/}/ (did any test project run?)"
    rc=1
elif (( total_passed == 0 )); then
    echo "no passing tests found (an empty run counts as a failure)"
    rc=1
fi
(( total_failed == 0 )) || rc=1

echo "$total_passed passed, $total_failed failed"
exit "$rc"
