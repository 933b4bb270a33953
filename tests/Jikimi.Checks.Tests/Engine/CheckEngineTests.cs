using System.Text;
using Jikimi.Checks.Engine;
using Jikimi.Checks.Inputs;
using Jikimi.Checks.Rules;
using Jikimi.Checks.Tests.Inputs;

namespace Jikimi.Checks.Tests.Engine;

public class CheckEngineTests
{
    private static readonly CheckOptions Options = new() { Now = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero) };

    [Fact]
    public void A_folder_of_exports_gives_results_with_controls_and_fingerprints()
    {
        var run = new CheckEngine(RuleLoader.Builtin, Options).Run([ExportReaderTests.Data("exports")]);
        Assert.Equal(RuleLoader.Builtin.Version, run.RuleSetVersion);
        Assert.Equal(29, run.Inputs.Count);
        Assert.All(run.Inputs, i => Assert.Equal(64, i.Sha256.Length));
        Assert.All(run.Results, r => Assert.NotEmpty(r.Controls));

        string StatusOf(string rule, string resource) => run.Results.Single(r => r.RuleId == rule && r.ResourceId == resource).Status;
        Assert.Equal(CheckStatus.Fail, StatusOf("JK-AWS-RDS-001", "orders-db"));
        Assert.Equal(CheckStatus.Fail, StatusOf("JK-AWS-RDS-002", "orders-db"));
        Assert.Equal(CheckStatus.Pass, StatusOf("JK-AWS-RDS-003", "orders-db"));
        Assert.Equal(CheckStatus.Fail, StatusOf("JK-AWS-EC2-001", "sg-0a1b2c3d4e5f60001"));
        Assert.Equal(CheckStatus.Fail, StatusOf("JK-AWS-S3-003", "acme.logs"));
        Assert.Equal(CheckStatus.Pass, StatusOf("JK-AWS-S3-001", "acme.logs"));
        Assert.Equal(CheckStatus.Fail, StatusOf("JK-AWS-KMS-002", "1234abcd-12ab-34cd-56ef-1234567890ab"));
        Assert.Equal(CheckStatus.Fail, StatusOf("JK-AZ-ST-002", "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-prod/providers/Microsoft.Storage/storageAccounts/acmeprod"));
        Assert.Equal(CheckStatus.Fail, StatusOf("JK-ENTRA-001", "86462606-fde0-4fc4-9e0c-a20eb73e54c6"));
        Assert.Equal(CheckStatus.Pass, StatusOf("JK-ENTRA-004", "tenant"));
        Assert.Equal(CheckStatus.Fail, StatusOf("JK-K8S-001", "shop/Pod/web-7d9f"));
        Assert.Equal(CheckStatus.Fail, StatusOf("JK-K8S-007", "shop/Pod/web-7d9f"));
        Assert.Equal(CheckStatus.Pass, StatusOf("JK-K8S-001", "shop/Deployment/api"));
        Assert.Equal(CheckStatus.Fail, StatusOf("JK-K8S-020", "ClusterRoleBinding/ops-admin"));
        Assert.Equal(CheckStatus.Fail, StatusOf("JK-K8S-030", "shop"));
        Assert.Equal(CheckStatus.Pass, StatusOf("JK-K8S-030", "payments"));
        Assert.DoesNotContain(run.Results, r => r.Detail.Contains("hunter2", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bad_file_among_good_ones_stops_the_run_with_nothing_returned()
    {
        var results = new List<CheckResult>();
        var ex = Assert.Throws<InputException>(() => new CheckEngine(RuleLoader.Builtin, Options).Run(
            [ExportReaderTests.Data("exports", "aws", "rds-describe-db-instances.json"), ExportReaderTests.Data("bad", "truncated.json")]));
        Assert.Equal("truncated.json", ex.File);
    }

    [Fact]
    public void A_resource_a_rule_cannot_evaluate_is_an_error_result_and_the_run_goes_on()
    {
        var path = Path.Combine(Path.GetTempPath(), $"jikimi-rds-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"DBInstances":[{"DBInstanceIdentifier":"odd","BackupRetentionPeriod":"seven","StorageEncrypted":true},{"DBInstanceIdentifier":"ok","BackupRetentionPeriod":7,"StorageEncrypted":true}]}""", Encoding.UTF8);
        try
        {
            var run = new CheckEngine(RuleLoader.Builtin, Options).Run([path]);
            var odd = run.Results.Single(r => r.RuleId == "JK-AWS-RDS-003" && r.ResourceId == "odd");
            Assert.Equal(CheckStatus.Error, odd.Status);
            Assert.Contains("not a number", odd.Detail, StringComparison.Ordinal);
            Assert.Equal(CheckStatus.Pass, run.Results.Single(r => r.RuleId == "JK-AWS-RDS-003" && r.ResourceId == "ok").Status);
            Assert.Equal(CheckStatus.Pass, run.Results.Single(r => r.RuleId == "JK-AWS-RDS-001" && r.ResourceId == "odd").Status);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
