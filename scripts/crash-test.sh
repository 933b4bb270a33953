#!/usr/bin/env bash
# crash-test.sh — kill -9 during concurrent uploads and imports, restart, check (issue 16, item 4). Not part of test.sh.
#
#   scripts/crash-test.sh [ROUNDS] [REQUESTS] [CONCURRENCY] [PROVIDERS]
#       defaults: 10 rounds, 1000 requests per round, 32 at once, "sqlite postgres"
#   JIKIMI=path/to/jikimi   the server binary (default: the release from scripts/publish.sh, made when missing)
#
# Per provider: a fresh database and data folder, one server. Per round: REQUESTS requests (two thirds evidence
# uploads of distinct random files, one third asset imports of 5 rows each, all or nothing) go out CONCURRENCY at a
# time with curl/xargs; after a random 1-3 s the server gets SIGKILL mid-stream. Then it restarts and the script checks:
#   - every acknowledged upload (201) is listed and downloads byte-identical (its SHA-256 as sent);
#   - every evidence item listed (acknowledged or not) downloads with the SHA-256 it claims: nothing half-written;
#   - every acknowledged import's rows are all there, and every import batch is there whole or not at all;
#   - `jikimi verify audit-trail` passes (the hash chains and the signed anchors).
# PostgreSQL: PG_CONN's server (scripts/ci-services.sh); a database per run, dropped at the end.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS=${1:-10}; REQUESTS=${2:-1000}; CONC=${3:-32}; PROVIDERS=${4:-"sqlite postgres"}
release="$root/artifacts/release/jikimi-linux-x64"
if [ -z "${JIKIMI:-}" ]; then
  [ -x "$release/jikimi" ] || "$root/scripts/publish.sh" "$release" >/dev/null || { echo "crash: FAIL publish"; exit 1; }
  JIKIMI="$release/jikimi"
fi
command -v curl >/dev/null && command -v xargs >/dev/null && command -v sha256sum >/dev/null || { echo "crash: needs curl, xargs, sha256sum"; exit 2; }
work=$(mktemp -d /tmp/jikimi-crash.XXXX)
server=""; pgdb=""
cleanup() {
  [ -n "$server" ] && { kill -9 "$server" 2>/dev/null; wait "$server" 2>/dev/null; }
  [ -n "$pgdb" ] && psql -h 127.0.0.1 -p 55432 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS \"$pgdb\" WITH (FORCE)" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "crash: FAIL $*"; tail -20 "$work/server.log" 2>/dev/null; exit 1; }
wait_for() { for _ in $(seq 1 "${2:-600}"); do curl -sf "$1" >/dev/null 2>&1 && return 0; sleep 0.2; done; return 1; }

start() { # provider data-dir connection
  env -i PATH=/usr/bin:/bin HOME="$work" JIKIMI_DATA_DIR="$2" Database__Provider="$1" ConnectionStrings__Default="$3" \
    RateLimit__AuthPerMinute=10000 "$JIKIMI" serve --urls "http://127.0.0.1:$port" >> "$work/server.log" 2>&1 &
  server=$!
  wait_for "http://127.0.0.1:$port/health/ready" || fail "server not ready"
}

# One request (run by xargs): "upload N" or "import N". Acknowledged writes are appended to acked.txt (one short line,
# written whole with O_APPEND by many workers at once).
cat > "$work/one.sh" <<'ONE'
#!/usr/bin/env bash
kind=$1; n=$2; dir=$CRASH_DIR
if [ "$kind" = upload ]; then
  f="$dir/files/$n.bin"; head -c $((1024 + RANDOM * 8)) /dev/urandom > "$f"; sha=$(sha256sum "$f" | cut -c1-64)
  body=$(curl -s -m 60 -H "Authorization: Bearer $CRASH_TOKEN" -F "title=crash-$n" -F "file=@$f;filename=crash-$n.bin" -w '\n%{http_code}' "$CRASH_URL/evidence")
  code=${body##*$'\n'}
  [ "$code" = 201 ] && echo "upload $(printf '%s' "$body" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4) $sha" >> "$dir/acked.txt"
  echo "upload $code" >> "$dir/codes.txt"
  rm -f "$f"
else
  csv="assetId,name,type,confidentiality,integrity,availability"; for k in 1 2 3 4 5; do csv="$csv"$'\n'"CT-$n-$k,crash $n $k,server,1,2,3"; done
  code=$(printf '%s\n' "$csv" | curl -s -m 60 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $CRASH_TOKEN" -H 'Content-Type: text/csv' --data-binary @- "$CRASH_URL/assets/import")
  [ "$code" = 200 ] && echo "import CT-$n" >> "$dir/acked.txt"
  echo "import $code" >> "$dir/codes.txt"
fi
exit 0
ONE
chmod +x "$work/one.sh"

check() { # round: every acknowledged write present and identical, nothing half-written, the audit chain verifies
  local auth=(-H "Authorization: Bearer $token") api="http://127.0.0.1:$port/api/v1/orgs/$org"
  : > "$work/ids.txt"
  for skip in $(seq 0 500 100000); do
    page=$(curl -sf "${auth[@]}" "$api/evidence?take=500&skip=$skip") || fail "evidence list after restart"
    ids=$(printf '%s' "$page" | grep -o '"id":"[0-9a-f-]\{36\}","title"' | cut -d'"' -f4)
    [ -n "$ids" ] || break
    printf '%s\n' "$ids" >> "$work/ids.txt"
  done
  curl -sf "${auth[@]}" "$api/assets/export.csv" > "$work/assets.csv" || fail "asset export after restart"
  local missing=0 differ=0 torn=0 listed=0
  while read -r kind id sha; do
    if [ "$kind" = upload ]; then
      got=$(curl -sf "${auth[@]}" "$api/evidence/$id/download" | sha256sum | cut -c1-64)
      [ "$got" = "$sha" ] || { grep -qx "$id" "$work/ids.txt" && differ=$((differ + 1)) || missing=$((missing + 1)); echo "upload $id: $got != $sha" >> "$work/problems.log"; }
    else
      [ "$(grep -c "^$id-[1-5]," "$work/assets.csv")" = 5 ] || { missing=$((missing + 1)); echo "import $id: not all rows" >> "$work/problems.log"; }
    fi
  done < "$work/acked.txt"
  # Every item listed (acknowledged or not) is whole: its bytes hash to the SHA-256 it was stored under (the ETag).
  while read -r id; do
    listed=$((listed + 1))
    got=$(curl -sf -D "$work/h.txt" "${auth[@]}" "$api/evidence/$id/download" | sha256sum | cut -c1-64)
    etag=$(grep -i '^etag:' "$work/h.txt" | tr -dc '0-9a-f' | tail -c 64)
    [ "$got" = "$etag" ] || { torn=$((torn + 1)); echo "evidence $id: bytes hash $got, stored as $etag" >> "$work/problems.log"; }
  done < "$work/ids.txt"
  # Every import batch is whole or absent.
  for batch in $(grep -o '^CT-[0-9]*-' "$work/assets.csv" | sort | uniq -c | awk '$1 != 5 {print $2}'); do
    torn=$((torn + 1)); echo "import ${batch%-}: partly there" >> "$work/problems.log"
  done
  [ $((missing + differ + torn)) -eq 0 ] || { cat "$work/problems.log"; fail "round $1: $missing missing, $differ different, $torn half-written"; }
  out=$(env -i PATH=/usr/bin:/bin HOME="$work" "$JIKIMI" verify audit-trail "${verify_args[@]}" 2>&1) || fail "round $1 audit trail: $out"
  echo "crash: $provider round $1: ok $(grep -c '^upload' "$work/acked.txt") uploads and $(grep -c '^import' "$work/acked.txt") imports acknowledged in all, $listed evidence items whole, import batches whole; $out"
}

for provider in $PROVIDERS; do
  port=$((7600 + RANDOM % 300)); data="$work/data-$provider"; mkdir -p "$data" "$work/files"; : > "$work/acked.txt"; : > "$work/codes.txt"; : > "$work/server.log"
  if [ "$provider" = postgres ]; then
    pgdb="jikimi_crash_$(date +%s)_$RANDOM"; conn="Host=127.0.0.1;Port=55432;Username=postgres;Database=$pgdb"
    verify_args=(--database postgres --connection "$conn" --data-dir "$data")
  else
    conn="Data Source=$data/jikimi.db"; verify_args=(--data-dir "$data")
  fi
  start "$provider" "$data" "$conn"
  setup=$(grep -o 'setup-[0-9a-f]\{32\}' "$work/server.log" | tail -1)
  curl -sf -o /dev/null -H 'Content-Type: application/json' -d '{"setupToken":"'"$setup"'","email":"ops@example.test","displayName":"Ops","password":"Crash-Test-Pass-2026!"}' "http://127.0.0.1:$port/api/v1/setup" || fail "setup"
  token=$(curl -sf -H 'Content-Type: application/json' -d '{"email":"ops@example.test","password":"Crash-Test-Pass-2026!"}' "http://127.0.0.1:$port/api/v1/auth/login" | grep -o '"token":"[^"]*"' | cut -d'"' -f4)
  org=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{"name":"crash test"}' "http://127.0.0.1:$port/api/v1/orgs" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
  [ -n "$token" ] && [ -n "$org" ] || fail "sign-in or organization"
  total_sent=0
  for round in $(seq 1 "$ROUNDS"); do
    export CRASH_DIR="$work" CRASH_TOKEN="$token" CRASH_URL="http://127.0.0.1:$port/api/v1/orgs/$org"
    before=$(wc -l < "$work/acked.txt")
    seq 1 "$REQUESTS" | awk -v r="$round" '{ print (NR % 3 == 0 ? "import" : "upload"), r * 100000 + NR }' \
      | xargs -P "$CONC" -n 2 "$work/one.sh" &
    load=$!
    # Kill mid-stream: after the round's first acknowledged write (at most 120 s), then a random 0.1-1.9 s more.
    for _ in $(seq 1 600); do [ "$(wc -l < "$work/acked.txt")" -gt "$before" ] && break; kill -0 "$load" 2>/dev/null || break; sleep 0.2; done
    sleep "$((RANDOM % 2)).$((1 + RANDOM % 9))"
    inflight=$(kill -0 "$load" 2>/dev/null && echo "mid-stream" || echo "AFTER the stream ended (use more requests)")
    kill -9 "$server"; wait "$server" 2>/dev/null; server=""
    wait "$load"
    total_sent=$((total_sent + REQUESTS))
    echo "crash: $provider round $round: killed $inflight; $(( $(wc -l < "$work/acked.txt") - before )) of $REQUESTS writes acknowledged; answers: $(sort "$work/codes.txt" | uniq -c | awk '{printf "%s %s×%s, ", $2, $3, $1}')"
    : > "$work/codes.txt"
    start "$provider" "$data" "$conn"
    check "$round"
  done
  kill -9 "$server" 2>/dev/null; wait "$server" 2>/dev/null; server=""
  [ -n "$pgdb" ] && { psql -h 127.0.0.1 -p 55432 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS \"$pgdb\" WITH (FORCE)" >/dev/null 2>&1; pgdb=""; }
  echo "crash: $provider ok: $ROUNDS rounds, $total_sent requests, $(wc -l < "$work/acked.txt") acknowledged writes all present and identical"
done
