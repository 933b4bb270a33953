using System.Text;
using System.Text.Json;
using Jikimi.Checks.Engine;
using Jikimi.Checks.Inputs;
using Jikimi.Checks.Rules;

namespace Jikimi.Checks.Tests.Rules;

public class ParameterTests
{
    private static readonly Rule Rule = RuleLoader.Parse("acme.json", Encoding.UTF8.GetBytes(RuleLoaderTests.Good));

    private static string Status(RuleParameters p, int minutes) =>
        CheckEngine.EvaluateRule(Rule, new Resource("acme.app", "a", JsonSerializer.SerializeToElement(new { sessionMinutes = minutes })), p, DateTimeOffset.UnixEpoch).Status;

    [Fact]
    public void A_stricter_override_within_range_changes_the_threshold()
    {
        var p = new RuleParameters();
        Assert.Null(p.Add(new RuleSet("t", [Rule]), "ACME-APP-001.max=10"));
        Assert.Equal(CheckStatus.Fail, Status(p, 15));
        Assert.Equal(CheckStatus.Pass, Status(p, 10));
    }

    [Fact]
    public void An_override_looser_than_the_control_allows_fails_as_configuration_not_valid()
    {
        var p = new RuleParameters();
        Assert.Null(p.Add(new RuleSet("t", [Rule]), "ACME-APP-001.max=120"));
        var result = CheckEngine.EvaluateRule(Rule, new Resource("acme.app", "a", JsonSerializer.SerializeToElement(new { sessionMinutes = 5 })), p, DateTimeOffset.UnixEpoch);
        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Contains("configuration not valid", result.Detail, StringComparison.Ordinal);
        Assert.Contains("10..30", result.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ACME-APP-001.max", "not RULE-ID.parameter=value")]
    [InlineData("NOPE-X-1.max=3", "unknown rule")]
    [InlineData("ACME-APP-001.min=3", "has no parameter")]
    public void Malformed_overrides_are_refused(string text, string problem)
    {
        var error = new RuleParameters().Add(new RuleSet("t", [Rule]), text);
        Assert.NotNull(error);
        Assert.Contains(problem, error, StringComparison.Ordinal);
    }
}
