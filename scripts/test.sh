#!/usr/bin/env bash
# Runs every test of Jikimi. Installs and starts what the tests need when missing (PostgreSQL on loopback,
# Chromium, pdftotext, fonts), builds once, runs every test project, smoke-tests the ./jikimi launcher, and
# ends with the plain line "N passed, N failed" (", N skipped" when a reference-file check had no file). Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p artifacts
log=artifacts/test.log
: > "$log"

# shellcheck source=scripts/ci-services.sh
source scripts/ci-services.sh 2>&1 | tee -a "$log"
source scripts/ci-services.sh >/dev/null 2>&1   # again in this shell, quietly, so PG_CONN is exported here
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export JIKIMI_REQUIRE_POSTGRES=1    # without PG_CONN the PostgreSQL cases fail here instead of skipping
export JIKIMI_REQUIRE_LIBREOFFICE=1   # the XLSX check in Jikimi.Cli.Tests must not pass by skipping

rc=0
if ! dotnet build Jikimi.slnx -c Release -nologo -v q 2>&1 | tee -a "$log" | grep -E "error|Warn|Build succeeded" ; then :; fi
if [ "${PIPESTATUS[0]}" -ne 0 ]; then
  echo "build: FAIL" | tee -a "$log"
  awk -f scripts/summarize.awk "$log"
  exit 1
fi

dotnet test Jikimi.slnx -c Release --no-build -nologo 2>&1 | tee -a "$log"
[ "${PIPESTATUS[0]}" -eq 0 ] || rc=1

# The README's commands, as a new user runs them.
smoke() { # name, command...
  local name=$1; shift
  if out=$("$@" 2>&1); then echo "smoke: ok $name" | tee -a "$log"; else echo "smoke: FAIL $name" | tee -a "$log"; echo "$out" | tail -20 | tee -a "$log"; rc=1; fi
}
count_controls() { ./jikimi catalog list --edition "$1" "${@:3}" --format json | grep -c '"subdomainTitleKo"' | grep -qx "$2"; }
smoke "launcher builds and lists 101 controls (2023)" count_controls 2023 101
smoke "ISMS scope has 80 controls" count_controls 2023 80 --scope isms
smoke "2018 edition has 102 controls" count_controls 2018 102
smoke "7-2 has 62 controls" count_controls 7-2 62
smoke "7-3 has 65 controls" count_controls 7-3 65
smoke "2023 has 328 check items" bash -c './jikimi catalog list --format json | grep -c "\"textKo\"" | grep -qx 328'
smoke "unknown id exits 2" bash -c './jikimi catalog show 2.5.9 >/dev/null 2>&1; [ $? -eq 2 ]'
pii_dir=$(mktemp -d)
printf '고객 홍길동\n주민등록번호 960121-1021413, 연락처 010-1234-5678\n' > "$pii_dir/a.txt"
smoke "pii scan reports the masked RRN and never the raw one" bash -c "out=\$(./jikimi pii scan '$pii_dir' --format json 2>&1) && echo \"\$out\" | grep -q '960121-1\*\*\*\*\*\*' && ! echo \"\$out\" | grep -q 1021413"
smoke "pii scan --fail-on high exits 1" bash -c "./jikimi pii scan '$pii_dir' --fail-on high >/dev/null 2>&1; [ \$? -eq 1 ]"
rm -rf "$pii_dir"
smoke "obligation check reads stdin, needs no database" bash -c "echo '{\"isIdcOperator\":true,\"asOf\":\"2026-01-01\"}' | ./jikimi obligation check --input - --format json | grep -q '\"code\": \"IDC\"'"

serve_smoke() { # the README's run command: starts, prints a setup token, answers on loopback
  local dir port pid ok=1
  dir=$(mktemp -d); port=$((5600 + RANDOM % 300))
  JIKIMI_DATA_DIR="$dir" ./jikimi serve --urls "http://127.0.0.1:$port" > "$dir/serve.log" 2>&1 & pid=$!
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/api/v1/setup/status" | grep -q '"setupRequired":true' && { ok=0; break; }; sleep 0.2; done
  grep -q "setup-[0-9a-f]\{32\}" "$dir/serve.log" || ok=1
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$dir"
  return $ok
}
smoke "jikimi serve starts with a one-time setup token" serve_smoke

statement_smoke() { # a demo workspace → jikimi report statement → LibreOffice opens the XLSX (converts it to PDF)
  local dir port pid ok=1
  dir=$(mktemp -d); port=$((5900 + RANDOM % 300))
  JIKIMI_DATA_DIR="$dir" ./jikimi serve --demo --urls "http://127.0.0.1:$port" > "$dir/serve.log" 2>&1 & pid=$!
  for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  if JIKIMI_DATA_DIR="$dir" ./jikimi report statement --org "데모 주식회사 (Demo Corp.)" --out "$dir/statement.xlsx" >/dev/null \
     && soffice "-env:UserInstallation=file://$dir/lo" --headless --convert-to pdf --outdir "$dir" "$dir/statement.xlsx" >/dev/null 2>&1 \
     && pdftotext -enc UTF-8 "$dir/statement.pdf" "$dir/statement.txt" && grep -q "운영현황" "$dir/statement.txt"; then ok=0; fi
  rm -rf "$dir"
  return $ok
}
smoke "a generated operation statement XLSX opens in LibreOffice (soffice --convert-to pdf)" statement_smoke

# The release as an operator installs it: publish, systemd unit, nginx site, upgrade (scripts/deploy-test.sh).
smoke "self-contained release behind nginx; systemd unit verified; upgrade keeps the instance" scripts/deploy-test.sh
smoke "three nodes behind nginx, one killed mid-run: no acknowledged write lost, audit trail intact" scripts/cluster-test.sh

awk -f scripts/summarize.awk "$log"
exit $rc
