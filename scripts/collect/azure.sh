#!/usr/bin/env bash
# Collect the Azure and Entra ID exports `jikimi checks run` reads (docs/checks.md). Read-only; needs `az login`
# with Reader (and Security Reader / Reports Reader for the Graph calls). Usage: scripts/collect/azure.sh OUT_DIR
set -euo pipefail
out=${1:?usage: azure.sh OUT_DIR}; mkdir -p "$out"; cd "$out"
q() { az graph query --first 1000 -q "$2" --output json > "$1"; }
q arg-storage.json "resources | where type =~ 'microsoft.storage/storageaccounts'"
q arg-sql-servers.json "resources | where type =~ 'microsoft.sql/servers'"
q arg-nsg.json "resources | where type =~ 'microsoft.network/networksecuritygroups'"
q arg-keyvaults.json "resources | where type =~ 'microsoft.keyvault/vaults'"
q arg-vms.json "resources | where type =~ 'microsoft.compute/virtualmachines'"
q arg-disks.json "resources | where type =~ 'microsoft.compute/disks'"
q arg-webapps.json "resources | where type =~ 'microsoft.web/sites'"
q arg-aks.json "resources | where type =~ 'microsoft.containerservice/managedclusters'"
q arg-postgres.json "resources | where type =~ 'microsoft.dbforpostgresql/flexibleservers'"
for s in $(az sql server list --query '[].id' -o tsv); do
  n=$(basename "$s"); g=$(echo "$s" | cut -d/ -f5)
  az sql server audit-policy show -g "$g" -n "$n" -o json > "sql-audit-policy__$n.json"
  az sql server firewall-rule list -g "$g" -s "$n" -o json > "sql-firewall-rules__$n.json"
  for d in $(az sql db list -g "$g" -s "$n" --query "[?name!='master'].name" -o tsv); do az sql db tde show -g "$g" -s "$n" -d "$d" -o json > "sql-tde__${n}_$d.json"; done
done
for r in $(az resource list --query '[].id' -o tsv); do
  az monitor diagnostic-settings list --resource "$r" -o json > "diag__$(echo "$r" | md5sum | cut -c1-12).json" 2>/dev/null || true
done
az security pricing list -o json > security-pricings.json
az security contact list -o json > security-contacts.json
az rest --method get --url 'https://graph.microsoft.com/v1.0/identity/conditionalAccess/policies' > entra-conditional-access-policies.json
az rest --method get --url 'https://graph.microsoft.com/v1.0/reports/authenticationMethods/userRegistrationDetails' > entra-user-registration-details.json
echo "collected into $out; run: jikimi checks run $out"
