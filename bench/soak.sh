#!/usr/bin/env bash
# Soak (issue 16, item 5; not a test): `jikimi serve` (Release) under 64 connections of mixed reads and writes
# (bench/soak.lua) for MINUTES, in WINDOW-second wrk runs back to back; after each window prints the window's
# throughput, latency percentiles and errors and the server's resident memory (VmRSS) and open file descriptors.
# Passes when no window has errors and the last window's RSS is within 25 % of the first's.
#   MINUTES=30 PROVIDER=sqlite bench/soak.sh        (the figure in docs/bench.md; MINUTES=3 for a short run)
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES=${MINUTES:-30}; WINDOW=${WINDOW:-30}; CONNS=${CONNS:-64}; ORGS=${ORGS:-50}; EVIDENCE=${EVIDENCE:-10}; PROVIDER=${PROVIDER:-sqlite}
command -v wrk >/dev/null || { echo "wrk missing: apt-get install wrk" >&2; exit 2; }
[ "$PROVIDER" = postgres ] && source scripts/ci-services.sh >/dev/null
work=$(mktemp -d /tmp/jikimi-soak.XXXX)
trap 'kill "${pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
dotnet build bench/Jikimi.Bench.Workspace -c Release -nologo -v q -o "$work/seed" >/dev/null
dotnet build src/Jikimi.Cli -c Release -nologo -v q -o "$work/cli" >/dev/null
data="$work/data"; mkdir -p "$data"
if [ "$PROVIDER" = postgres ]; then conn="Host=127.0.0.1;Port=55432;Username=postgres;Database=jikimi_soak_$$;Maximum Pool Size=80"; else conn="Data Source=$data/jikimi.db"; fi
dotnet "$work/seed/Jikimi.Bench.Workspace.dll" --provider "$PROVIDER" --connection "$conn" --data-dir "$data" --orgs "$ORGS" --evidence "$EVIDENCE" >/dev/null
port=$((5700 + RANDOM % 300))
dotnet "$work/cli/jikimi.dll" serve --data-dir "$data" --database "$PROVIDER" --connection "$conn" --urls "http://127.0.0.1:$port" > "$data/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.1; done
rss() { awk '/^VmRSS/ {print int($2/1024)}' "/proc/$pid/status"; }
echo "== soak: $PROVIDER, $ORGS organizations, $CONNS connections, $MINUTES min in ${WINDOW}s windows, $(nproc) cores, $(date -u +%FT%TZ)"
printf '%6s %9s %8s %8s %8s %9s %7s %8s %5s\n' window req/s p50ms p95ms p99ms maxms errors rssMiB fds
windows=$(( MINUTES * 60 / WINDOW )); first=""; last=""; errors=0
for w in $(seq 1 "$windows"); do
  line=$(TARGETS="$data/targets.txt" wrk -t2 -c"$CONNS" -d"${WINDOW}s" --timeout 10s -s bench/soak.lua "http://127.0.0.1:$port" | grep '^RESULT')
  kill -0 "$pid" || { echo "server died; see $data/serve.log" >&2; exit 1; }
  m=$(rss); fds=$(ls "/proc/$pid/fd" | wc -l); [ -n "$first" ] || first=$m; last=$m
  echo "$line" | awk -v w="$w" -v m="$m" -v f="$fds" '{ for (i=2;i<=NF;i++) { split($i,a,"="); v[a[1]]=a[2] }
    printf "%6d %9.0f %8.2f %8.2f %8.2f %9.2f %7d %8d %5d\n", w, v["rps"], v["p50"], v["p95"], v["p99"], v["max"], v["errors"], m, f }'
  errors=$(( errors + $(echo "$line" | sed -E 's/.*errors=([0-9]+).*/\1/') ))
done
echo "== errors: $errors; RSS first window ${first} MiB, last ${last} MiB"
[ "$errors" -eq 0 ] && [ $(( last * 100 )) -le $(( first * 125 )) ]
