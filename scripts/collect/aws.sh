#!/usr/bin/env bash
# Collect the AWS CLI outputs `jikimi checks run` reads (docs/checks.md). Read-only calls; needs the AWS CLI v2
# and credentials with SecurityAudit (or ReadOnlyAccess). Usage: scripts/collect/aws.sh OUT_DIR [REGION]
set -euo pipefail
out=${1:?usage: aws.sh OUT_DIR [REGION]}; region=${2:-${AWS_REGION:-ap-northeast-2}}
mkdir -p "$out"; cd "$out"
a() { aws --region "$region" --output json "$@"; }
a iam get-account-password-policy > iam-get-account-password-policy.json || echo '{"PasswordPolicy":{}}' > iam-get-account-password-policy.json  # no policy = every password rule fails
a iam get-account-summary > iam-get-account-summary.json
a iam generate-credential-report > /dev/null; sleep 5; a iam get-credential-report > iam-get-credential-report.json
a iam list-users > iam-list-users.json
for u in $(a iam list-users --query 'Users[].UserName' --output text); do
  a iam list-access-keys --user-name "$u" > "iam-list-access-keys__$u.json"
  a iam list-mfa-devices --user-name "$u" > "iam-list-mfa-devices__$u.json"
done
for b in $(a s3api list-buckets --query 'Buckets[].Name' --output text); do
  a s3api get-bucket-encryption --bucket "$b" > "s3api-get-bucket-encryption__$b.json" 2>/dev/null || rm -f "s3api-get-bucket-encryption__$b.json"
  a s3api get-public-access-block --bucket "$b" > "s3api-get-public-access-block__$b.json" 2>/dev/null || echo '{"PublicAccessBlockConfiguration":{}}' > "s3api-get-public-access-block__$b.json"
  a s3api get-bucket-versioning --bucket "$b" > "s3api-get-bucket-versioning__$b.json"
  a s3api get-bucket-logging --bucket "$b" > "s3api-get-bucket-logging__$b.json"
  a s3api get-bucket-policy-status --bucket "$b" > "s3api-get-bucket-policy-status__$b.json" 2>/dev/null || rm -f "s3api-get-bucket-policy-status__$b.json"
done
a cloudtrail describe-trails > cloudtrail-describe-trails.json
for t in $(a cloudtrail describe-trails --query 'trailList[].Name' --output text); do a cloudtrail get-trail-status --name "$t" > "cloudtrail-get-trail-status__$t.json"; done
a rds describe-db-instances > rds-describe-db-instances.json
a ec2 describe-security-groups > ec2-describe-security-groups.json
a ec2 describe-volumes > ec2-describe-volumes.json
a ec2 describe-instances > ec2-describe-instances.json
a ec2 get-ebs-encryption-by-default > ec2-get-ebs-encryption-by-default.json
a kms list-keys > kms-list-keys.json
for k in $(a kms list-keys --query 'Keys[].KeyId' --output text); do
  a kms describe-key --key-id "$k" > "kms-describe-key__$k.json"
  a kms get-key-rotation-status --key-id "$k" > "kms-get-key-rotation-status__$k.json" 2>/dev/null || rm -f "kms-get-key-rotation-status__$k.json"
done
a configservice describe-configuration-recorder-status > configservice-describe-configuration-recorder-status.json
for d in $(a guardduty list-detectors --query 'DetectorIds[]' --output text); do a guardduty get-detector --detector-id "$d" > "guardduty-get-detector__$d.json"; done
a ecr describe-repositories > ecr-describe-repositories.json
for lb in $(a elbv2 describe-load-balancers --query 'LoadBalancers[].LoadBalancerArn' --output text); do a elbv2 describe-listeners --load-balancer-arn "$lb" > "elbv2-describe-listeners__$(basename "$lb").json"; done
a lambda list-functions > lambda-list-functions.json
a efs describe-file-systems > efs-describe-file-systems.json
for c in $(a eks list-clusters --query 'clusters[]' --output text); do a eks describe-cluster --name "$c" > "eks-describe-cluster__$c.json"; done
# Incident response and recovery (2.11.1, 2.12.2) and personal-data discovery (3.2.1); a missing set-up is recorded as such.
a account get-alternate-contact --alternate-contact-type SECURITY > account-get-alternate-contact__security.json 2>/dev/null || echo '{"AlternateContact":{}}' > account-get-alternate-contact__security.json
a iam list-entities-for-policy --policy-arn arn:aws:iam::aws:policy/AWSSupportAccess > iam-list-entities-for-policy__AWSSupportAccess.json
a ssm-incidents list-response-plans > ssm-incidents-list-response-plans.json 2>/dev/null || echo '{"responsePlanSummaries":[]}' > ssm-incidents-list-response-plans.json
a drs describe-jobs > drs-describe-jobs.json 2>/dev/null || echo '{"items":[]}' > drs-describe-jobs.json
a macie2 get-macie-session > macie2-get-macie-session.json 2>/dev/null || echo '{"status":"DISABLED"}' > macie2-get-macie-session.json
echo "collected into $out; run: jikimi checks run $out"
