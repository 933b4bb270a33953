#!/usr/bin/env bash
# fuzz.sh — runs every reader of outside files under AFL++ with SharpFuzz for a bounded time (issue 16, item 3).
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]      default: 300 s, every target
#
# Needs Debian's afl++ (apt-get install afl++) and the local dotnet tool SharpFuzz.CommandLine (dotnet tool restore).
# Builds fuzz/Jikimi.Fuzz, instruments the product assemblies in a copy of its output, runs afl-fuzz per target from
# fuzz/corpus/TARGET, then keeps what AFL found: new corpus entries (smallest first, at most 20 per run, < 16 KiB) go
# to fuzz/corpus/TARGET, crashes and hangs to fuzz/crashes/TARGET (the test suite replays both:
# tests/Jikimi.Reports.Tests/FuzzCorpusTests). Prints executions and crashes per target.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${1:-300}
shift || true
command -v afl-fuzz >/dev/null || { echo "afl-fuzz missing: apt-get install afl++" >&2; exit 2; }
dotnet tool restore >/dev/null

WORK=${FUZZ_WORK:-${TMPDIR:-/tmp}/jikimi-fuzz}
rm -rf "$WORK"; mkdir -p "$WORK/out"
dotnet build fuzz/Jikimi.Fuzz -c Release -o "$WORK/bin" >/dev/null
for dll in Jikimi.Reports Jikimi.Privacy Jikimi.Checks Jikimi.Input Jikimi.Application; do
  dotnet tool run sharpfuzz "$WORK/bin/$dll.dll" >/dev/null
done

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=($(ls fuzz/corpus))
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_QUIET=1
printf '%-16s %12s %10s %8s %8s\n' target executions exec/s crashes hangs
for t in "${targets[@]}"; do
  out="$WORK/out/$t"
  afl-fuzz -i "fuzz/corpus/$t" -o "$out" -V "$SECONDS_PER_TARGET" -t 5000 -m none -- dotnet "$WORK/bin/Jikimi.Fuzz.dll" "$t" >"$WORK/$t.log" 2>&1 || true
  stats="$out/default/fuzzer_stats"
  [ -f "$stats" ] || { echo "$t: afl-fuzz did not start, see $WORK/$t.log" >&2; tail -20 "$WORK/$t.log" >&2; continue; }
  get() { awk -F' *: *' -v k="$1" '$1==k {print $2}' "$stats"; }
  mkdir -p "fuzz/crashes/$t"
  for f in "$out"/default/crashes/id:* "$out"/default/hangs/id:*; do
    if [ -f "$f" ]; then dest="fuzz/crashes/$t/$(sha256sum "$f" | cut -c1-16)"; [ -e "$dest" ] || cp "$f" "$dest"; fi
  done
  find "$out/default/queue" -maxdepth 1 -type f -name 'id:*' -size -16k -printf '%s %p\n' | sort -n | head -20 | while read -r _ f; do
    dest="fuzz/corpus/$t/q-$(sha256sum "$f" | cut -c1-16)"
    [ -e "$dest" ] || cp "$f" "$dest"
  done
  rmdir "fuzz/crashes/$t" 2>/dev/null || true
  printf '%-16s %12s %10s %8s %8s\n' "$t" "$(get execs_done)" "$(get execs_per_sec)" "$(get saved_crashes)" "$(get saved_hangs)"
done
