#!/usr/bin/env bash
# Issue 3 load benchmark (not a test). Seeds ORGS organizations (default 1000) with a full ISMS-P assessment and
# EVIDENCE evidence records each, on SQLite and on PostgreSQL; starts `jikimi serve` (Release) on loopback and drives
# the readiness and control-list endpoints with wrk (32 connections, DURATION s), beside /api/v1/ping as the limit.
# Prints p50/p95/p99 and the ratio to the trivial endpoint. Targets: p95 < 50 ms, throughput >= 25 % of ping, no errors.
set -euo pipefail
cd "$(dirname "$0")/.."
ORGS=${ORGS:-1000}; EVIDENCE=${EVIDENCE:-100}; DURATION=${DURATION:-30}; CONNS=${CONNS:-32}; WARMUP=${WARMUP:-15}
command -v wrk >/dev/null || { apt-get update -q >/dev/null; apt-get install -y -q wrk >/dev/null; }
source scripts/ci-services.sh >/dev/null
work=$(mktemp -d /tmp/jikimi-bench.XXXX)
dotnet build bench/Jikimi.Bench.Workspace -c Release -nologo -v q -o "$work/seed" >/dev/null
dotnet build src/Jikimi.Cli -c Release -nologo -v q -o "$work/cli" >/dev/null
summary=()
for provider in ${PROVIDERS:-sqlite postgres}; do
  data="$work/$provider"; mkdir -p "$data"
  if [ "$provider" = postgres ]; then conn="Host=127.0.0.1;Port=55432;Username=postgres;Database=jikimi_bench;Maximum Pool Size=64"; else conn="Data Source=$data/jikimi.db"; fi
  echo "== $provider: seeding $ORGS organizations"
  dotnet "$work/seed/Jikimi.Bench.Workspace.dll" --provider "$provider" --connection "$conn" --data-dir "$data" --orgs "$ORGS" --evidence "$EVIDENCE"
  port=$((5200 + RANDOM % 500))
  dotnet "$work/cli/jikimi.dll" serve --data-dir "$data" --database "$provider" --connection "$conn" --urls "http://127.0.0.1:$port" > "$data/serve.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 200); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.1; done
  for kind in ping readiness controls; do
    # warm-up (fills the read cache for every organization), then the measured run
    PATH_KIND=$kind TARGETS="$data/targets.txt" wrk -t2 -c"$CONNS" -d"${WARMUP}s" -s bench/workspace.lua "http://127.0.0.1:$port" >/dev/null
    line=$(PATH_KIND=$kind TARGETS="$data/targets.txt" wrk -t2 -c"$CONNS" -d"${DURATION}s" --timeout 5s -s bench/workspace.lua "http://127.0.0.1:$port" | grep '^RESULT')
    echo "$provider $line"
    summary+=("$provider $line")
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
echo
echo "== summary ($ORGS organizations, $EVIDENCE evidence each, $CONNS connections, ${DURATION}s, $(nproc) cores, $(date -u +%F))"
printf '%-9s %-10s %10s %9s %9s %9s %8s %12s\n' db endpoint req/s p50ms p95ms p99ms errors "vs ping"
for provider in ${PROVIDERS:-sqlite postgres}; do
  ping_rps=$(printf '%s\n' "${summary[@]}" | awk -v p="$provider" '$1==p && $3=="ping" { split($4,a,"="); print a[2] }')
  printf '%s\n' "${summary[@]}" | awk -v p="$provider" -v base="$ping_rps" '$1==p {
    for (i=4;i<=9;i++) { split($i,a,"="); v[a[1]]=a[2] }
    printf "%-9s %-10s %10.0f %9.2f %9.2f %9.2f %8d %11.1f%%\n", p, $3, v["rps"], v["p50"], v["p95"], v["p99"], v["errors"], 100*v["rps"]/base }'
done
rm -rf "$work"
