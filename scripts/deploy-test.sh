#!/usr/bin/env bash
# Exercises the deployment files with the released binaries (scripts/test.sh runs it; bounded, loopback only):
#  1. deploy/jikimi.service passes `systemd-analyze verify` with no message at all (unknown keys only warn);
#  2. the self-contained release runs with no SDK and no runtime in reach (empty PATH, DOTNET_ROOT elsewhere);
#  3. Debian's nginx serves deploy/nginx/jikimi.conf in front of it: /health and the API through the proxy,
#     /metrics refused at the proxy;
#  4. upgrade = stop, replace, start: the node stops on SIGTERM, a second release started on the same data
#     serves the same instance (the setup already done stays done).
#   scripts/deploy-test.sh [RELEASE_DIR]    (made with scripts/publish.sh when missing)
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
release="${1:-$root/artifacts/release/jikimi-linux-x64}"
[ -x "$release/jikimi" ] || "$root/scripts/publish.sh" "$release" >/dev/null || { echo "deploy: FAIL publish"; exit 1; }
command -v nginx >/dev/null 2>&1 || { apt-get update -q >/dev/null; DEBIAN_FRONTEND=noninteractive apt-get install -y -q nginx-light >/dev/null; }
work=$(mktemp -d /tmp/jikimi-deploy.XXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "deploy: FAIL $*"; for f in "$work"/*.log; do echo "--- $f"; tail -20 "$f"; done; exit 1; }
wait_for() { # url [tries]
  for _ in $(seq 1 "${2:-300}"); do curl -sf "$1" >/dev/null 2>&1 && return 0; sleep 0.2; done; return 1
}

# 1. the unit, pointing at this release instead of /opt/jikimi
sed "s#/opt/jikimi/#$release/#g" "$root/deploy/jikimi.service" > "$work/jikimi.service"
if command -v systemd-analyze >/dev/null 2>&1; then
  out=$(systemd-analyze verify "$work/jikimi.service" 2>&1); rc=$?
  [ $rc -eq 0 ] && [ -z "$out" ] || fail "systemd-analyze verify: $out"
  echo "deploy: ok systemd-analyze verify deploy/jikimi.service"
else
  echo "deploy: skipped systemd-analyze (not installed)"
fi

# 2. a node from the release, nothing of the SDK in reach
port=$((6100 + RANDOM % 300)); proxy=$((6500 + RANDOM % 300))
start_node() { # release dir, log
  env -i PATH=/nonexistent HOME="$work" DOTNET_ROOT=/nonexistent JIKIMI_DATA_DIR="$work/data" \
    "$1/jikimi" serve --urls "http://127.0.0.1:$port" > "$work/$2" 2>&1 &
  pids+=($!); node=$!
}
start_node "$release" node1.log
wait_for "http://127.0.0.1:$port/health" || fail "the release did not start without the SDK"
token=$(grep -o 'setup-[0-9a-f]\{32\}' "$work/node1.log" | head -1)
[ -n "$token" ] || fail "no setup token printed"
echo "deploy: ok release runs without the SDK"

# 3. nginx with the site file, upstream and listen port moved to this test's ports
sed -e "s#listen 127.0.0.1:8080;#listen 127.0.0.1:$proxy;#" -e "s#server 127.0.0.1:5080 #server 127.0.0.1:$port #" \
  "$root/deploy/nginx/jikimi.conf" > "$work/site.conf"
mkdir -p "$work/nginx"
cat > "$work/nginx.conf" <<NGINX
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 256; }
http {
  access_log $work/nginx-access.log;
  client_body_temp_path $work/nginx/body; proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi; uwsgi_temp_path $work/nginx/uwsgi; scgi_temp_path $work/nginx/scgi;
  include $work/site.conf;
}
NGINX
nginx -t -p "$work/nginx" -c "$work/nginx.conf" > "$work/nginx-t.log" 2>&1 || fail "nginx -t"
nginx -p "$work/nginx" -c "$work/nginx.conf" -g 'daemon off;' > "$work/nginx-run.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$proxy/health" 100 || fail "nginx does not proxy /health"
curl -sf "http://127.0.0.1:$proxy/api/v1/setup/status" | grep -q '"setupRequired":true' || fail "API through nginx"
code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$proxy/metrics")
[ "$code" = 404 ] || fail "/metrics through nginx answered $code (must be 404)"
body='{"setupToken":"'"$token"'","email":"ops@example.test","displayName":"Ops","password":"Deploy-Test-Pass-2026!"}'
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$proxy/api/v1/setup")
[ "$code" = 200 ] || [ "$code" = 201 ] || fail "setup through nginx answered $code"
echo "deploy: ok nginx site in front of the node (/health, API, setup; /metrics refused)"

# 4. upgrade: stop (SIGTERM), replace the folder, start
kill -TERM "$node"; for _ in $(seq 1 100); do kill -0 "$node" 2>/dev/null || break; sleep 0.2; done
kill -0 "$node" 2>/dev/null && fail "the node ignored SIGTERM"
cp -r "$release" "$work/release-next"
start_node "$work/release-next" node2.log
wait_for "http://127.0.0.1:$proxy/health" || fail "the replaced release did not start"
curl -sf "http://127.0.0.1:$proxy/api/v1/setup/status" | grep -q '"setupRequired":false' || fail "the instance lost its setup after the upgrade"
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
  -d '{"email":"ops@example.test","password":"Deploy-Test-Pass-2026!"}' "http://127.0.0.1:$proxy/api/v1/auth/login")
[ "$code" = 200 ] || fail "sign-in after the upgrade answered $code"
echo "deploy: ok upgrade (stop, replace, start) keeps the instance"
