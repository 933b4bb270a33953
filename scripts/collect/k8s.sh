#!/usr/bin/env bash
# Collect the kubectl lists `jikimi checks run` reads (docs/checks.md). Read-only (get/list); Secrets are never
# read. Usage: scripts/collect/k8s.sh OUT_DIR [--context NAME]
set -euo pipefail
out=${1:?usage: k8s.sh OUT_DIR [kubectl args]}; shift; mkdir -p "$out"
for k in pods deployments statefulsets daemonsets replicasets jobs cronjobs networkpolicies rolebindings; do
  kubectl "$@" get "$k" -A -o json > "$out/k8s-$k.json"
done
for k in namespaces clusterrolebindings; do kubectl "$@" get "$k" -o json > "$out/k8s-$k.json"; done
echo "collected into $out; run: jikimi checks run $out"
