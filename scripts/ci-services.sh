#!/usr/bin/env bash
# Installs (when missing) and starts what the tests need: PostgreSQL on loopback (a private trust cluster),
# Debian's Chromium, pdftotext, Hangul fonts. Idempotent; `source` it so PG_CONN is exported.
# Tested on Debian 12 as root (see the team toolchain notes).
export DEBIAN_FRONTEND=noninteractive
_svc_need=()
[ -x /usr/lib/postgresql/15/bin/pg_ctl ] || _svc_need+=(postgresql)
[ -x /usr/bin/chromium ] || _svc_need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || _svc_need+=(poppler-utils)
command -v curl >/dev/null 2>&1 || _svc_need+=(curl)
[ -f /usr/share/fonts/truetype/nanum/NanumGothic.ttf ] || _svc_need+=(fonts-nanum)
[ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || _svc_need+=(fonts-noto-cjk)
if [ ${#_svc_need[@]} -gt 0 ]; then
  echo "installing: ${_svc_need[*]}"
  if [ "$(id -u)" -eq 0 ]; then _sudo=""; else _sudo="sudo"; fi
  $_sudo apt-get update -q >/dev/null
  $_sudo apt-get install -y -q "${_svc_need[@]}" >/dev/null
fi
# A generated XLSX must open in LibreOffice (Calc without the GUI; a few minutes to install, once).
if ! command -v soffice >/dev/null 2>&1; then
  echo "installing: libreoffice-calc-nogui"
  if [ "$(id -u)" -eq 0 ]; then _sudo=""; else _sudo="sudo"; fi
  $_sudo apt-get update -q >/dev/null
  $_sudo apt-get install -y -q --no-install-recommends libreoffice-calc-nogui >/dev/null
fi

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PGDATA=${JIKIMI_PGDATA:-${TMPDIR:-/tmp}/jikimi-pgdata}
PGPORT=${JIKIMI_PGPORT:-55432}
if ! su postgres -c "$PGBIN/pg_ctl -D $PGDATA status" >/dev/null 2>&1; then
  rm -rf "$PGDATA"
  install -d -o postgres -g postgres -m 700 "$PGDATA"
  su postgres -c "$PGBIN/initdb -D $PGDATA -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
  su postgres -c "$PGBIN/pg_ctl -D $PGDATA -l $PGDATA/server.log -w -t 60 \
     -o '-p $PGPORT -k $PGDATA -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off' start" >/dev/null
fi
for _i in $(seq 1 60); do "$PGBIN/pg_isready" -h 127.0.0.1 -p "$PGPORT" -q && break; sleep 0.5; done
export PG_CONN="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=jikimi_test"
echo "services: postgres on 127.0.0.1:$PGPORT; $(/usr/bin/chromium --version 2>/dev/null | head -1)"
