using System.Text;
using Jikimi.Checks.Inputs;

namespace Jikimi.Checks.Tests.Inputs;

public class ExportReaderTests
{
    internal static string Data(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);

    private static List<(string Type, string Id)> Read(string path, ReaderContext? ctx = null)
    {
        var list = new List<(string, string)>();
        ctx ??= new ReaderContext();
        new ExportReader(ctx).Read(path, r => list.Add((r.Type, r.Id)));
        ctx.Finish(r => list.Add((r.Type, r.Id)));
        return list;
    }

    [Theory]
    [InlineData("aws/iam-get-account-password-policy.json", "aws.iam.password_policy", "account-password-policy", 1)]
    [InlineData("aws/credential-report.csv", "aws.iam.credential_report", "<root_account>", 3)]
    [InlineData("aws/iam-get-credential-report.json", "aws.iam.credential_report", "alice", 3)]
    [InlineData("aws/iam-list-users.json", "aws.iam.user", "ci-deploy", 2)]
    [InlineData("aws/iam-list-access-keys__ci-deploy.json", "aws.iam.access_key", "AKIAEXAMPLECIDEPLOY1", 1)]
    [InlineData("aws/iam-list-mfa-devices__alice.json", "aws.iam.mfa_device", "arn:aws:iam::111122223333:mfa/alice", 1)]
    [InlineData("aws/s3api-get-bucket-encryption__acme.logs.json", "aws.s3.bucket_encryption", "acme.logs", 1)]
    [InlineData("aws/s3api-get-public-access-block__acme.logs.json", "aws.s3.public_access_block", "acme.logs", 1)]
    [InlineData("aws/cloudtrail-describe-trails.json", "aws.cloudtrail.trail", "org-trail", 1)]
    [InlineData("aws/cloudtrail-get-trail-status__org-trail.json", "aws.cloudtrail.trail_status", "org-trail", 1)]
    [InlineData("aws/rds-describe-db-instances.json", "aws.rds.db_instance", "orders-db", 1)]
    [InlineData("aws/ec2-describe-security-groups.json", "aws.ec2.security_group", "sg-0a1b2c3d4e5f60001", 1)]
    [InlineData("aws/kms-list-keys.json", "aws.kms.key_list_entry", "1234abcd-12ab-34cd-56ef-1234567890ab", 1)]
    [InlineData("aws/kms-describe-key__1234abcd-12ab-34cd-56ef-1234567890ab.json", "aws.kms.key", "1234abcd-12ab-34cd-56ef-1234567890ab", 1)]
    [InlineData("aws/kms-get-key-rotation-status__1234abcd-12ab-34cd-56ef-1234567890ab.json", "aws.kms.key_rotation", "1234abcd-12ab-34cd-56ef-1234567890ab", 1)]
    [InlineData("aws/account-get-alternate-contact__security.json", "aws.account.alternate_contact", "security", 1)]
    [InlineData("aws/iam-list-entities-for-policy__AWSSupportAccess.json", "aws.iam.support_access_entities", "AWSSupportAccess", 1)]
    [InlineData("aws/ssm-incidents-list-response-plans.json", "aws.ssm_incidents.response_plans", "response-plans", 1)]
    [InlineData("aws/drs-describe-jobs.json", "aws.drs.jobs", "drs-jobs", 1)]
    [InlineData("aws/macie2-get-macie-session.json", "aws.macie.session", "macie", 1)]
    [InlineData("azure/arg-storage.json", "azure.microsoft.storage/storageaccounts", "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-prod/providers/Microsoft.Storage/storageAccounts/acmeprod", 1)]
    [InlineData("azure/sql-audit-policy.json", "azure.microsoft.sql/servers/auditingsettings", "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-prod/providers/Microsoft.Sql/servers/acme-sql/auditingSettings/Default", 1)]
    [InlineData("azure/diagnostic-settings.json", "azure.microsoft.insights/diagnosticsettings", "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-prod/providers/Microsoft.KeyVault/vaults/acme-kv/providers/microsoft.insights/diagnosticSettings/to-law", 1)]
    [InlineData("entra/conditional-access-policies.json", "entra.conditional_access_policy", "5a8b2c1d-0000-0000-0000-000000000001", 1)]
    [InlineData("entra/conditional-access-policies.json", "entra.conditional_access", "tenant", 1)]
    [InlineData("entra/user-registration-details.json", "entra.user_registration", "86462606-fde0-4fc4-9e0c-a20eb73e54c6", 1)]
    [InlineData("k8s/pods.json", "k8s.workload", "shop/Pod/web-7d9f", 1)]
    [InlineData("k8s/pods.json", "k8s.namespace_summary", "shop", 1)]
    [InlineData("k8s/deployment-api.json", "k8s.workload", "shop/Deployment/api", 1)]
    [InlineData("k8s/clusterrolebindings.json", "k8s.clusterrolebinding", "ClusterRoleBinding/ops-admin", 1)]
    [InlineData("k8s/networkpolicies.json", "k8s.networkpolicy", "payments/NetworkPolicy/default-deny", 1)]
    public void Each_documented_output_is_read_into_resources(string file, string type, string id, int count)
    {
        var resources = Read(Data(["exports", .. file.Split('/')]));
        Assert.Contains((type, id), resources);
        Assert.Equal(count, resources.Count(r => r.Type == type));
    }

    [Fact]
    public void Drs_jobs_listed_under_items_are_read_as_jobs_not_as_kubernetes_objects()
    {
        // A resource's JSON lives only while the sink runs (the reader streams): evaluate it there.
        var rule = Jikimi.Checks.Rules.RuleLoader.Builtin.Find("JK-AWS-DRS-001")!;
        var statuses = new List<string>();
        new ExportReader(new ReaderContext()).Read(Data("exports", "aws", "drs-describe-jobs.json"), r =>
            statuses.Add(Jikimi.Checks.Engine.CheckEngine.EvaluateRule(rule, r, Jikimi.Checks.Rules.RuleParameters.None, Rules.BuiltinRuleTests.FixtureNow).Status));
        Assert.Equal([Jikimi.Checks.CheckStatus.Pass], statuses);
    }

    [Fact]
    public void The_input_fingerprint_is_the_sha256_of_the_file()
    {
        var path = Data("exports", "aws", "rds-describe-db-instances.json");
        var input = new ExportReader(new ReaderContext()).Read(path, _ => { });
        Assert.Equal("rds-describe-db-instances.json", input.FileName);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))), input.Sha256);
    }

    [Theory]
    [InlineData("truncated.json", "line 2, column", "not valid JSON")]
    [InlineData("not-json.json", "line 2, column", "not valid JSON")]
    [InlineData("wrong-kind.json", "", "not a recognised export")]
    [InlineData("short-row.csv", "row 3", "fields where the header has")]
    [InlineData("unclosed-quote.csv", "line 3", "quoted field is not closed")]
    [InlineData("cp949.csv", "line", "not UTF-8")] // the decoder reads ahead a buffer, so the line is where decoding stopped
    [InlineData("s3api-unnamed.json", "", "does not name its resource")]
    [InlineData("users-not-objects.json", "element 1 of 'Users'", "expected an object")]
    [InlineData("empty.json", "", "empty")]
    [InlineData("invalid-utf8-name.json", "", "not valid UTF-8")] // found by fuzzing (fuzz/crashes/checks-json)
    public void A_bad_input_is_refused_naming_the_file_and_the_place(string file, string place, string problem)
    {
        var ex = Assert.Throws<InputException>(() => Read(Data("bad", file)));
        Assert.Equal(file, ex.File);
        Assert.StartsWith(place, ex.Place, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_oversized_input_is_refused_before_it_is_read()
    {
        var path = Data("exports", "aws", "rds-describe-db-instances.json");
        var ex = Assert.Throws<InputException>(() => new ExportReader(new ReaderContext(), maxBytes: 100).Read(path, _ => { }));
        Assert.Contains("the limit is 100", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_large_export_streams_across_buffer_refills_and_a_single_element_bigger_than_the_buffer()
    {
        var path = Path.Combine(Path.GetTempPath(), $"jikimi-users-{Guid.NewGuid():N}.json");
        try
        {
            using (var w = new StreamWriter(path, false, new UTF8Encoding(false)))
            {
                w.Write("{\"Users\":[");
                for (var i = 0; i < 20_000; i++)
                {
                    w.Write(i == 0 ? "" : ",\n");
                    w.Write($"{{\"UserName\":\"user{i}\",\"Path\":\"/\",\"Arn\":\"arn:aws:iam::111122223333:user/user{i}\"}}");
                }

                // One element of ~600 KB (more than the 256 KB starting buffer).
                w.Write($",{{\"UserName\":\"big\",\"Pad\":\"{new string('x', 600_000)}\"}}");
                w.Write("],\"IsTruncated\":false}");
            }

            var ids = Read(path).Select(r => r.Id).ToList();
            Assert.Equal(20_001, ids.Count);
            Assert.Equal("user0", ids[0]);
            Assert.Equal("user19999", ids[19_999]);
            Assert.Equal("big", ids[^1]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
