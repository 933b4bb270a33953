#!/usr/bin/env bash
# Checks that every test and file cited in docs/security/asvs.md still exists.
# A test is cited as `Project.Tests/Class` or `Project.Tests/Class.Method` (tests/Jikimi.Project.Tests);
# a file as src/…, docs/…, deploy/…, scripts/…, schemas/… or tests/…. Exit 1 naming the first missing one.
set -euo pipefail
cd "$(dirname "$0")/.."
doc=docs/security/asvs.md
fail=0
while read -r ref; do
  project="${ref%%/*}"; rest="${ref#*/}"; class="${rest%%.*}"; method=""
  [[ "$rest" == *.* ]] && method="${rest#*.}"
  dir="tests/Jikimi.$project"
  if [[ ! -d "$dir" ]]; then echo "asvs-check: $doc cites $ref but $dir does not exist" >&2; fail=1; continue; fi
  file=$(grep -rlE "class $class\b" "$dir" --include='*.cs' | head -1 || true)
  if [[ -z "$file" ]]; then echo "asvs-check: $doc cites $ref but no class $class in $dir" >&2; fail=1; continue; fi
  if [[ -n "$method" ]] && ! grep -qE "\b$method\(" "$file"; then echo "asvs-check: $doc cites $ref but $file has no method $method" >&2; fail=1; fi
done < <(grep -oE '`[A-Za-z.]+\.Tests/[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)?`' "$doc" | tr -d '`' | sort -u)
while read -r path; do
  if [[ ! -e "$path" ]]; then echo "asvs-check: $doc cites $path, which does not exist" >&2; fail=1; fi
done < <(grep -oE '\b(src|docs|deploy|scripts|schemas|tests)/[A-Za-z0-9_./-]*[A-Za-z0-9_]' "$doc" | sort -u)
if [[ $fail -ne 0 ]]; then exit 1; fi
echo "asvs-check: every cited test and file exists"
