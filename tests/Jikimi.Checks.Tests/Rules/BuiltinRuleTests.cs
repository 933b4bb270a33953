using System.Text.Json;
using Jikimi.Catalog;
using Jikimi.Catalog.Model;
using Jikimi.Checks.Engine;
using Jikimi.Checks.Inputs;
using Jikimi.Checks.Rules;

namespace Jikimi.Checks.Tests.Rules;

/// <summary>Every built-in rule against its own fixtures, and every mapping against the ISMS-P 2023 catalog.</summary>
public class BuiltinRuleTests
{
    /// <summary>Fixture dates are written against this evaluation time.</summary>
    public static readonly DateTimeOffset FixtureNow = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> RuleIds() => new(RuleLoader.Builtin.Rules.Select(r => r.Id));

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_rule_passes_its_pass_fixtures_and_fails_its_fail_fixtures(string id)
    {
        var rule = RuleLoader.Builtin.Find(id)!;
        void Expect(IReadOnlyList<JsonElement> fixtures, string status)
        {
            for (var i = 0; i < fixtures.Count; i++)
            {
                var result = CheckEngine.EvaluateRule(rule, new Resource(rule.ResourceType, "fixture", fixtures[i]), RuleParameters.None, FixtureNow);
                Assert.True(result.Status == status, $"{id}: fixture {status}[{i}] gave {result.Status} ({result.Detail})");
            }
        }

        if (rule.Manual)
        {
            Assert.NotEmpty(rule.ManualFixtures);
            Expect(rule.ManualFixtures, CheckStatus.Manual);
            return;
        }

        Assert.NotEmpty(rule.PassFixtures);
        Assert.NotEmpty(rule.FailFixtures);
        Expect(rule.PassFixtures, CheckStatus.Pass);
        Expect(rule.FailFixtures, CheckStatus.Fail);
        Expect(rule.NotApplicableFixtures, CheckStatus.NotApplicable);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_mapping_names_a_real_isms_p_2023_control_and_check_item(string id)
    {
        var rule = RuleLoader.Builtin.Find(id)!;
        var edition = CriteriaCatalog.Embedded[EditionId.IsmsP2023];
        foreach (var mapping in rule.Controls)
        {
            var control = edition.Find(mapping.ControlId);
            Assert.True(control is not null, $"{id}: {mapping.ControlId} is not an ISMS-P 2023 control");
            foreach (var item in mapping.CheckItems)
            {
                Assert.True(item >= 1 && item <= control!.CheckItemCount, $"{id}: {mapping.ControlId} has no check item {item} (it has {control!.CheckItemCount})");
            }

            Assert.False(string.IsNullOrWhiteSpace(mapping.Reason));
        }
    }

    /// <summary>Coverage counted from the rule data itself (issue 15: at least 150 rules over at least 35 distinct
    /// ISMS-P controls; the set holds more so that one removed rule cannot drop it under the line).</summary>
    [Fact]
    public void The_builtin_set_has_at_least_150_rules_over_at_least_35_controls()
    {
        var rules = RuleLoader.Builtin.Rules;
        Assert.True(rules.Count >= 150, $"{rules.Count} rules");
        Assert.Equal(rules.Count, rules.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
        var controls = rules.SelectMany(r => r.Controls.Select(c => c.ControlId)).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(controls.Count >= 35, $"{controls.Count} distinct controls: {string.Join(", ", controls)}");

        // Every source family evidences several controls on its own (one family's removal leaves a spread).
        foreach (var family in new[] { "aws.", "azure.", "entra.", "k8s.", "host." })
        {
            var own = rules.Where(r => r.ResourceType.StartsWith(family, StringComparison.Ordinal)).SelectMany(r => r.Controls.Select(c => c.ControlId)).Distinct().Count();
            Assert.True(own >= 3, $"{family}: {own} controls");
        }
    }

    [Fact]
    public void Every_rule_file_in_the_repository_is_in_the_builtin_set()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "rules", "checks")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        var files = Directory.GetFiles(Path.Combine(dir!.FullName, "rules", "checks"), "*.json", SearchOption.AllDirectories).Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
        Assert.Equal(files, RuleLoader.Builtin.Rules.Select(r => r.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Host_rules_cite_kisa_items_once_each_and_every_kisa_rule_is_a_host_rule()
    {
        var kisa = RuleLoader.Builtin.Rules.Where(r => r.Kisa is not null).ToList();
        Assert.True(kisa.Count >= 50, $"{kisa.Count} KISA items");
        Assert.All(kisa, r => Assert.Equal("host.linux", r.ResourceType));
        Assert.Equal(kisa.Count, kisa.Select(r => r.Kisa).Distinct().Count());
        Assert.All(kisa, r => Assert.EndsWith(r.Kisa!, r.Id, StringComparison.Ordinal));
    }

    [Fact]
    public void The_rule_set_version_is_stable_for_the_same_files()
    {
        var a = RuleLoader.Load(includeBuiltin: true, userDirectory: null);
        Assert.Equal(RuleLoader.Builtin.Version, a.Version);
        Assert.StartsWith("jikimi-rules-builtin-", a.Version, StringComparison.Ordinal);
    }
}
