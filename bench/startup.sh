#!/usr/bin/env bash
# Start-up time of the released `jikimi` (not a test). Prints the median of RUNS wall-clock runs (default 15) of
# `jikimi catalog show 2.5.4` and other short commands from the self-contained release (scripts/publish.sh; made when
# missing or RELEASE=… points elsewhere), beside a `dotnet` hello-world (framework-dependent `dotnet hello.dll`, and
# the same published self-contained + ReadyToRun) and the developer launcher. Target: catalog show < 200 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-15}
release=${RELEASE:-artifacts/release/jikimi-linux-x64}
[ -x "$release/jikimi" ] || scripts/publish.sh "$release" >/dev/null
work=$(mktemp -d /tmp/jikimi-startup.XXXX)
trap 'rm -rf "$work"' EXIT
dotnet build bench/Jikimi.Bench.Hello -c Release -nologo -v q -o "$work/hello-fd" >/dev/null
dotnet publish bench/Jikimi.Bench.Hello -c Release -r linux-x64 --self-contained true -p:PublishReadyToRun=true -nologo -v q -o "$work/hello-sc" >/dev/null
median() { # command… → median wall time in ms over RUNS runs (output discarded)
  local i s times=()
  "$@" >/dev/null 2>&1 || true   # warm the page cache once
  for i in $(seq 1 "$RUNS"); do
    s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; times+=($(( ($(date +%s%N) - s) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
cd "$work"   # no ./data here, as on a fresh install
row() { printf '%-58s %6s ms\n' "$1" "$(median "${@:2}")"; }
echo "start-up, median of $RUNS runs on $(nproc) cores (load $(cut -d' ' -f1 /proc/loadavg)):"
row "dotnet hello.dll (framework-dependent hello world)" dotnet "$work/hello-fd/hello.dll"
row "hello (self-contained, ReadyToRun)" "$work/hello-sc/hello"
row "jikimi --help (release)" "$OLDPWD/$release/jikimi" --help
row "jikimi catalog list --format csv (release)" "$OLDPWD/$release/jikimi" catalog list --format csv
row "jikimi catalog show 2.5.4 (release)  [target < 200]" "$OLDPWD/$release/jikimi" catalog show 2.5.4
row "jikimi catalog show 2.5.4 --format json (release)" "$OLDPWD/$release/jikimi" catalog show 2.5.4 --format json
row "./jikimi catalog show 2.5.4 (developer launcher)" "$OLDPWD/jikimi" catalog show 2.5.4
