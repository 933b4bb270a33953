#!/usr/bin/env bash
# Issue 21 item 2: three released nodes on one PostgreSQL database behind Debian's nginx (loopback only, bounded).
# A stream of writes (new organizations) and reads goes through the proxy; one node is killed with SIGKILL mid-run.
# Checks: every acknowledged write is there, at most the one request in flight at the kill failed, the audit chains
# verify, the killed node comes back and serves the writes it missed, the background-job lease has one holder, and the
# reminders planned for meeting action items made before and after the kill exist exactly once each.
#   scripts/cluster-test.sh [RELEASE_DIR]     (PostgreSQL from scripts/ci-services.sh)
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
release="${1:-$root/artifacts/release/jikimi-linux-x64}"
WRITES=${WRITES:-150}
[ -x "$release/jikimi" ] || "$root/scripts/publish.sh" "$release" >/dev/null || { echo "cluster: FAIL publish"; exit 1; }
[ -n "${PG_CONN:-}" ] || source "$root/scripts/ci-services.sh" >/dev/null
command -v nginx >/dev/null 2>&1 || { apt-get update -q >/dev/null; DEBIAN_FRONTEND=noninteractive apt-get install -y -q nginx-light >/dev/null; }
work=$(mktemp -d /tmp/jikimi-cluster.XXXX)
db="jikimi_cluster_$(date +%s)_$RANDOM"
conn="Host=127.0.0.1;Port=55432;Username=postgres;Database=$db"
declare -A node_pid
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
  psql -h 127.0.0.1 -p 55432 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "cluster: FAIL $*"; for f in "$work"/*.log; do echo "--- $f"; tail -15 "$f"; done; exit 1; }
wait_for() { for _ in $(seq 1 "${2:-300}"); do curl -sf "$1" >/dev/null 2>&1 && return 0; sleep 0.2; done; return 1; }

base=$((7000 + RANDOM % 500)); proxy=$((base + 10))
ports=($base $((base + 1)) $((base + 2)))
kek=$(head -c 32 /dev/urandom | base64)
start_node() { # index
  local i=$1
  env -i PATH=/usr/bin:/bin HOME="$work" JIKIMI_DATA_DIR="$work/node$i" \
    Database__Provider=postgres ConnectionStrings__Default="$conn" Evidence__Store=database \
    DataProtection__Store=database DataProtection__KeyEncryptionKey="$kek" \
    Jobs__LeaseDuration=00:00:10 Reminders__PollInterval=00:00:02 \
    "$release/jikimi" serve --urls "http://127.0.0.1:${ports[$i]}" >> "$work/node$i.log" 2>&1 &
  node_pid[$i]=$!; pids+=($!)
}
# All three at once: one migrates under the advisory lock, the others wait.
for i in 0 1 2; do start_node $i; done
for i in 0 1 2; do wait_for "http://127.0.0.1:${ports[$i]}/health/ready" 600 || fail "node $i not ready"; done
echo "cluster: ok three nodes ready on one new database"

sed -e "s#listen 127.0.0.1:8080;#listen 127.0.0.1:$proxy;#" \
    -e "s#server 127.0.0.1:5080 max_fails=1 fail_timeout=5s;#server 127.0.0.1:${ports[0]} max_fails=1 fail_timeout=5s; server 127.0.0.1:${ports[1]} max_fails=1 fail_timeout=5s; server 127.0.0.1:${ports[2]} max_fails=1 fail_timeout=5s;#" \
    "$root/deploy/nginx/jikimi.conf" > "$work/site.conf"
mkdir -p "$work/nginx"
cat > "$work/nginx.conf" <<NGINX
worker_processes 1; pid $work/nginx.pid; error_log $work/nginx-error.log warn;
events { worker_connections 512; }
http { access_log off; client_body_temp_path $work/nginx/body; proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi; uwsgi_temp_path $work/nginx/uwsgi; scgi_temp_path $work/nginx/scgi;
  include $work/site.conf; }
NGINX
nginx -p "$work/nginx" -c "$work/nginx.conf" -g 'daemon off;' > "$work/nginx-run.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$proxy/health" 100 || fail "nginx"
url="http://127.0.0.1:$proxy"

# The last setup token printed is the valid one (each node issues one while no user exists).
ok=1
for t in $(cat "$work"/node*.log | grep -o 'setup-[0-9a-f]\{32\}' | tac); do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
    -d '{"setupToken":"'"$t"'","email":"ops@example.test","displayName":"Ops","password":"Cluster-Test-Pass-2026!"}' "$url/api/v1/setup")
  [ "$code" = 200 ] && { ok=0; break; }
done
[ $ok -eq 0 ] || fail "setup through the proxy"
token=$(curl -sf -H 'Content-Type: application/json' -d '{"email":"ops@example.test","password":"Cluster-Test-Pass-2026!"}' "$url/api/v1/auth/login" | grep -o '"token":"[^"]*"' | cut -d'"' -f4)
[ -n "$token" ] || fail "sign-in"
auth=(-H "Authorization: Bearer $token")

acked=0; failed=0; reads_failed=0; meetings=0; : > "$work/acked.txt"
for n in $(seq 1 "$WRITES"); do
  if [ "$n" -eq $((WRITES / 3)) ]; then kill -9 "${node_pid[1]}"; echo "cluster: killed node 1 (pid ${node_pid[1]}) after $((n - 1)) writes"; fi
  code=$(curl -s -o "$work/resp.json" -w '%{http_code}' "${auth[@]}" -H 'Content-Type: application/json' -d '{"name":"cluster-org-'"$n"'"}' "$url/api/v1/orgs")
  if [ "$code" = 201 ] || [ "$code" = 200 ]; then acked=$((acked + 1)); echo "cluster-org-$n" >> "$work/acked.txt"; else failed=$((failed + 1)); echo "write $n: $code" >> "$work/failures.log"; fi
  # Every tenth organization gets a committee meeting with an action item due tomorrow: the reminder job (one lease
  # across the nodes) must plan exactly one reminder per item and channel, before and after the kill.
  if [ $((n % 10)) -eq 0 ] && { [ "$code" = 201 ] || [ "$code" = 200 ]; }; then
    org=$(grep -o '"id":"[^"]*"' "$work/resp.json" | head -1 | cut -d'"' -f4)
    mcode=$(curl -s -o /dev/null -w '%{http_code}' "${auth[@]}" -H 'Content-Type: application/json' \
      -d '{"kind":"committee","title":"cluster","heldOn":"'"$(date -u +%F)"'","agenda":"a","attendees":"b","actions":[{"description":"c","owner":"d","dueOn":"'"$(date -u -d tomorrow +%F)"'"}]}' \
      "$url/api/v1/orgs/$org/meetings")
    if [ "$mcode" = 201 ]; then meetings=$((meetings + 1)); else echo "meeting $n: $mcode" >> "$work/failures.log"; fi
  fi
  rc=$(curl -s -o /dev/null -w '%{http_code}' "${auth[@]}" "$url/api/v1/orgs")
  [ "$rc" = 200 ] || { reads_failed=$((reads_failed + 1)); echo "read $n: $rc" >> "$work/failures.log"; }
done
echo "cluster: $acked writes acknowledged, $failed failed, $reads_failed reads failed"
[ "$failed" -le 1 ] || fail "$failed writes failed (at most the one in flight at the kill may)"
[ "$reads_failed" -le 1 ] || fail "$reads_failed reads failed"

# The killed node comes back and serves what it missed.
start_node 1
wait_for "http://127.0.0.1:${ports[1]}/health/ready" 600 || fail "node 1 did not come back"
curl -sf "${auth[@]}" "http://127.0.0.1:${ports[1]}/api/v1/orgs" > "$work/orgs.json" || fail "node 1 does not accept the session token after its restart"
missing=0
while read -r name; do grep -q "\"$name\"" "$work/orgs.json" || { missing=$((missing + 1)); echo "missing: $name" >> "$work/failures.log"; }; done < "$work/acked.txt"
[ "$missing" -eq 0 ] || fail "$missing acknowledged writes are missing"
echo "cluster: ok every acknowledged write is served by the restarted node"

out=$(env -i PATH=/usr/bin:/bin HOME="$work" "$release/jikimi" verify audit-trail --database postgres --connection "$conn" 2>&1) || fail "audit trail: $out"
echo "cluster: ok $out"
holders=$(psql -h 127.0.0.1 -p 55432 -U postgres -d "$db" -Atc 'SELECT count(*) FROM "JobLease" WHERE "Name" = '"'reminders'"' AND "ExpiresAt" > now()')
[ "$holders" = 1 ] || fail "reminder job lease: $holders live holders (want 1)"
# The reminder job polls every 2 s: wait until every meeting's action item has its reminder planned.
planned=0
for _ in $(seq 1 60); do
  planned=$(psql -h 127.0.0.1 -p 55432 -U postgres -d "$db" -Atc "SELECT count(DISTINCT \"SubjectId\") FROM \"Reminders\" WHERE \"Kind\" = 'meeting_action_due'") || fail "reminder query"
  [ "$planned" -ge "$meetings" ] && break; sleep 1
done
[ "$meetings" -gt 0 ] && [ "$planned" -ge "$meetings" ] || fail "reminders planned for $planned of $meetings meeting action items"
# A query that fails is a failure, not "no duplicates".
dups=$(psql -h 127.0.0.1 -p 55432 -U postgres -d "$db" -Atc 'SELECT count(*) FROM (SELECT 1 FROM "Reminders" GROUP BY "Kind", "SubjectId", "DueAt", "Channel" HAVING count(*) > 1) d') || fail "reminder query"
reminders=$(psql -h 127.0.0.1 -p 55432 -U postgres -d "$db" -Atc 'SELECT count(*) FROM "Reminders"') || fail "reminder count"
[ "$dups" = 0 ] || fail "$dups duplicated reminders"
echo "cluster: ok one live reminder-job holder, no duplicated reminder ($reminders reminders planned, $meetings meeting action items)"
