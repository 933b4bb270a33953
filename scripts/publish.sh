#!/usr/bin/env bash
# Makes a self-contained Linux x64 release of `jikimi` in one folder: the .NET runtime is inside, so the target
# machine needs no SDK and no runtime. ReadyToRun code (ahead-of-time compiled, JIT stays for hot paths) makes the
# start fast: `jikimi catalog show 2.5.4` in well under 200 ms (bench/startup.sh; docs/operations.md).
#
#   scripts/publish.sh [OUT]        default OUT: artifacts/release/jikimi-linux-x64
#
# Then copy OUT to the server (e.g. /opt/jikimi) and use deploy/jikimi.service and deploy/nginx/jikimi.conf.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/artifacts/release/jikimi-linux-x64}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
rm -rf "$out"
dotnet publish "$root/src/Jikimi.Cli/Jikimi.Cli.csproj" -c Release -r linux-x64 --self-contained true \
  -p:PublishReadyToRun=true -p:JikimiRelease=true -o "$out" -nologo -v q
# Deployment files travel with the binaries so an operator has everything in one folder.
mkdir -p "$out/deploy/nginx"
cp "$root/deploy/jikimi.service" "$out/deploy/"
cp "$root/deploy/nginx/jikimi.conf" "$out/deploy/nginx/"
cp "$root/docs/operations.md" "$out/OPERATIONS.md"
git -C "$root" rev-parse --short HEAD > "$out/VERSION" 2>/dev/null || echo unknown > "$out/VERSION"
echo "release: $out ($(du -sh "$out" | cut -f1); run $out/jikimi --help)"
