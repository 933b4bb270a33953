#!/usr/bin/env bash
# PII scan throughput in one run: jikimi (all detectors, with validation) vs ripgrep (one combined regex of the
# same candidate shapes, no validation) vs `cat > /dev/null` (the read limit), on generated mixed Korean/English
# corpora (≥ 1 GB each) held in the page cache: "typical" (an identifier about every 27 KB: documents, logs,
# exports of a file server) and "dense" (one about every 550 bytes: a customer-database export, the worst case for
# the validators). Prints seconds, GB/s, GB/s per core, ratios and peak RSS. Not a test: nothing is asserted.
# Usage: bench/pii-vs-ripgrep.sh [corpus-MB=1100] [work-dir]   (Debian 12; installs ripgrep and time when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-1100}
work=${2:-$(mktemp -d "${TMPDIR:-/tmp}/jikimi-pii-bench.XXXXXX")}
mkdir -p "$work"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
cores=$(nproc)

need=()
command -v rg >/dev/null 2>&1 || need+=(ripgrep)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}" >&2
  apt-get update -q >/dev/null && apt-get install -y -q "${need[@]}" >/dev/null
fi

echo "building…" >&2
dotnet build bench/Jikimi.Bench.Corpus/Jikimi.Bench.Corpus.csproj -c Release -nologo -v q -o "$work/bin-corpus" >/dev/null
dotnet build src/Jikimi.Cli/Jikimi.Cli.csproj -c Release -nologo -v q -o "$work/bin-cli" >/dev/null

# The candidate shapes of all jikimi detectors as one regex (ripgrep cannot validate dates, checksums or context).
rrn='[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[- ]?[1-8][0-9]{6}'
passport='[MSROD]([0-9]{8}|[0-9]{3}[A-Z][0-9]{4})'
driver='[0-9]{2}-[0-9]{2}-[0-9]{6}-[0-9]{2}'
brn='[0-9]{3}-[0-9]{2}-[0-9]{5}'
card='[0-9]{4}[- ]?[0-9]{4,6}[- ]?[0-9]{4,5}([- ]?[0-9]{4})?'
account='[0-9]{2,6}-[0-9]{2,6}-[0-9]{2,6}'
phone='(\+82[- ]?)?0?1[016789][-. ]?[0-9]{3,4}[-. ]?[0-9]{4}|0[2-7][0-9]?[-. ][0-9]{3,4}[-. ][0-9]{4}'
email='[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}'
pattern="$rrn|$passport|$driver|$brn|$card|$account|$phone|$email"

time_one() { # name, command…  → sets wall and rss of one run
  local name=$1; shift
  /usr/bin/time -v -o "$work/time.txt" "$@" > "$work/out.txt" 2>&1 || { echo "$name failed:" >&2; tail -5 "$work/out.txt" >&2; return 1; }
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$work/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time.txt")
}

# Runs every command once per round, three rounds, interleaved (the machine is shared: a slow minute then hits
# every command alike), and keeps each command's best run.
run_all() { # names in $names, commands in cmd_<i>
  local -A best=() peak=()
  for round in 1 2 3; do
    for i in "${!names[@]}"; do
      local name=${names[$i]}
      eval "time_one \"\$name\" \"\${cmd_$i[@]}\""
      if [ -z "${best[$name]:-}" ] || awk -v a="$wall" -v b="${best[$name]}" 'BEGIN { exit !(a < b) }'; then
        best[$name]=$wall
        peak[$name]=$rss
        cp "$work/out.txt" "$work/best-${name//[^a-z0-9-]/_}.txt"
      fi
    done
    echo "  round $round done" >&2
  done
  results=()
  for name in "${names[@]}"; do
    results+=("$name ${best[$name]} ${peak[$name]}")
  done
}

bench_corpus() { # label density
  local label=$1 density=$2
  local corpus="$work/corpus-$label"
  if [ ! -d "$corpus" ]; then
    dotnet "$work/bin-corpus/jikimi-bench-corpus.dll" "$corpus" "$size_mb" 64 1 "$density" >&2
  fi
  local bytes
  bytes=$(cat "$corpus"/* | wc -c)
  cat "$corpus"/* > /dev/null # warm the page cache
  echo "$label corpus, $cores cores…" >&2
  names=("cat>/dev/null" rg-1-thread rg-all-cores jikimi-1-thread jikimi-all-cores jikimi-json-all)
  cmd_0=(bash -c "cat '$corpus'/* > /dev/null")
  cmd_1=(rg -j1 -c -e "$pattern" "$corpus")
  cmd_2=(rg -c -e "$pattern" "$corpus")
  cmd_3=(dotnet "$work/bin-cli/jikimi.dll" pii scan "$corpus" --threads 1 --lang en)
  cmd_4=(dotnet "$work/bin-cli/jikimi.dll" pii scan "$corpus" --lang en)
  cmd_5=(dotnet "$work/bin-cli/jikimi.dll" pii scan "$corpus" --lang en --format json -o "$work/findings.json")
  run_all

  local rg_matches jk_findings
  rg_matches=$(rg -c -e "$pattern" "$corpus" | awk -F: '{ s += $NF } END { print s }')
  jk_findings=$(awk '/findings \(confidence/ { for (i = 1; i <= NF; i++) if ($i == "findings") print $(i - 1) }' "$work/best-jikimi-all-cores.txt" | tr -d ,)
  echo
  echo "PII scan benchmark, $(date -u +%Y-%m-%d), $cores cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $label corpus $(awk -v b="$bytes" 'BEGIN { printf "%.2f GB", b / 1e9 }') in $(ls "$corpus" | wc -l) files"
  echo "jikimi findings (default confidence): ${jk_findings:-?}; ripgrep matching lines: $rg_matches"
  printf '%-18s %8s %8s %10s %10s %10s %9s\n' run seconds GB/s "GB/s/core" "vs rg" "vs cat" "peak MB"
  local cat_s
  cat_s=$(echo "${results[0]}" | cut -d' ' -f2)
  for r in "${results[@]}"; do
    read -r name s kb <<< "$r"
    local base="" n=1
    case $name in
      jikimi-1-thread) base=$(echo "${results[1]}" | cut -d' ' -f2) ;;
      jikimi-all-cores|jikimi-json-all) base=$(echo "${results[2]}" | cut -d' ' -f2); n=$cores ;;
      rg-all-cores) n=$cores ;;
    esac
    awk -v n="$name" -v s="$s" -v kb="$kb" -v b="$bytes" -v base="$base" -v cat="$cat_s" -v c="$n" 'BEGIN {
      vs = base == "" ? "-" : sprintf("%.2fx", base / s)
      printf "%-18s %8.2f %8.2f %10.2f %10s %9.2fx %9.0f\n", n, s, b / s / 1e9, b / s / 1e9 / c, vs, cat / s, kb / 1024 }'
  done
}

bench_corpus typical 0.02
bench_corpus dense 1
echo
echo "(best of 3 interleaved rounds. GB/s/core: throughput / threads used. vs rg: ripgrep time / jikimi time at the same thread count,"
echo " >1 = jikimi faster; jikimi-json-all also writes every finding with its location, mask and HMAC fingerprint."
echo " vs cat: cat time / run time, 1 = at the read limit)"
echo "work dir: $work (delete it when done)"
