#!/usr/bin/env bash
# Configuration checks in one run (issue 15, item 7): a generated Azure Resource Graph export of N mixed resources
# (default 1,000,000: 15 types cycling over the built-in Azure rules' pass and fail fixtures) and 200 rules (the
# built-in Azure rules jq can express, repeated under new ids). Prints (a) the floor: System.Text.Json's
# Utf8JsonReader over the file, (b) Jikimi's parse + evaluate (the CheckEngine, results streamed and counted, none
# kept), (c) jq evaluating the same conditions with the same semantics; the ratios b/a and c/b, peak RSS of each,
# and whether Jikimi and jq counted the same pass/fail/error/not_applicable totals. Not a test: nothing asserted.
# Usage: bench/checks-vs-jq.sh [resources=1000000] [work-dir] [rounds=1]   (Debian 12; installs jq and time if missing)
# The machine is shared: run it at full size only when nothing else runs (docs/bench.md).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
work=${2:-$(mktemp -d "${TMPDIR:-/tmp}/jikimi-checks-bench.XXXXXX")}
rounds=${3:-1}
mkdir -p "$work"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

need=()
command -v jq >/dev/null 2>&1 || need+=(jq)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}" >&2
  apt-get update -q >/dev/null && apt-get install -y -q "${need[@]}" >/dev/null
fi

echo "building…" >&2
dotnet build bench/Jikimi.Bench.Checks/Jikimi.Bench.Checks.csproj -c Release -nologo -v q -o "$work/bin" >/dev/null
bench="$work/bin/jikimi-bench-checks"
if [ ! -s "$work/inventory.json" ] || [ "$(cat "$work/size" 2>/dev/null)" != "$n" ]; then
  echo "generating $n resources…" >&2
  rm -rf "$work/rules"
  "$bench" generate "$n" "$work" >&2
  echo "$n" > "$work/size"
fi
bytes=$(stat -c %s "$work/inventory.json")
cat "$work/inventory.json" > /dev/null   # into the page cache, like the other benches

time_one() { # name, command…  → sets wall and rss (KB) of one run; the output kept in $work/out-<name>.txt
  local name=$1; shift
  /usr/bin/time -v -o "$work/time.txt" "$@" > "$work/out-$name.txt" 2>&1 || { echo "$name failed:" >&2; tail -5 "$work/out-$name.txt" >&2; exit 1; }
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$work/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time.txt")
}

declare -A best=() peak=()
for round in $(seq "$rounds"); do
  for name in parse jikimi jq; do
    case $name in
      parse) time_one parse "$bench" parse "$work/inventory.json" ;;
      jikimi) time_one jikimi "$bench" jikimi "$work/inventory.json" "$work/rules" ;;
      jq) time_one jq jq -c -f "$work/rules.jq" "$work/inventory.json" ;;
    esac
    if [ -z "${best[$name]:-}" ] || awk -v a="$wall" -v b="${best[$name]}" 'BEGIN { exit !(a < b) }'; then
      best[$name]=$wall; peak[$name]=$rss
    fi
  done
  echo "  round $round done" >&2
done

jikimi_counts=$(sed -n 's/^counts //p' "$work/out-jikimi.txt" | tr ' ' '\n' | sort | tr '\n' ' ')
jq_counts=$(jq -r 'to_entries | map("\(.key)=\(.value)") | .[]' "$work/out-jq.txt" | sort | tr '\n' ' ')
mb() { awk -v b="$1" 'BEGIN { printf "%.0f", b / 1048576 }'; }
echo
echo "inventory: $n resources, $(mb "$bytes") MB; 200 rules; $(nproc) cores; best of $rounds"
printf '| step | seconds | MB/s | peak RSS MB |\n|---|---:|---:|---:|\n'
for name in parse jikimi jq; do
  awk -v s="${best[$name]}" -v b="$bytes" -v r="${peak[$name]}" -v n="$name" 'BEGIN { printf "| %s | %.2f | %.0f | %.0f |\n", n, s, b / 1048576 / s, r / 1024 }'
done
awk -v a="${best[parse]}" -v b="${best[jikimi]}" -v c="${best[jq]}" 'BEGIN { printf "jikimi / parse floor = %.2fx (target <= 2x); jq / jikimi = %.2fx (target > 1x)\n", b / a, c / b }'
echo "jikimi counts: $jikimi_counts"
echo "jq counts:     $jq_counts"
[ "$jikimi_counts" = "$jq_counts" ] && echo "the two agree" || echo "THE COUNTS DIFFER"
