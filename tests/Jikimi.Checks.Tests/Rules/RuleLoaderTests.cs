using Jikimi.Checks.Rules;

namespace Jikimi.Checks.Tests.Rules;

public sealed class RuleLoaderTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("jikimi-rules-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    internal const string Good = """
        {
          "id": "ACME-APP-001",
          "title": { "ko": "세션 시간", "en": "Session timeout" },
          "rationale": { "ko": "이유", "en": "Why" },
          "severity": "medium",
          "resourceType": "acme.app",
          "controls": [ { "id": "2.6.3", "checkItems": [2], "reason": "Sessions end." } ],
          "parameters": { "max": { "default": 30, "strictest": 10, "loosest": 30, "description": "Minutes." } },
          "condition": { "path": "sessionMinutes", "op": "lte", "param": "max" },
          "remediation": { "ko": "줄인다", "en": "Lower it" },
          "fixtures": { "pass": [ { "sessionMinutes": 15 } ], "fail": [ { "sessionMinutes": 60 } ] }
        }
        """;

    private RuleFileException LoadBroken(string text, string name = "bad.json")
    {
        File.WriteAllText(Path.Combine(dir, name), text);
        return Assert.Throws<RuleFileException>(() => RuleLoader.Load(includeBuiltin: false, userDirectory: dir));
    }

    [Fact]
    public void A_user_directory_adds_rules_to_the_builtin_set()
    {
        File.WriteAllText(Path.Combine(dir, "acme.json"), Good);
        var set = RuleLoader.Load(includeBuiltin: true, userDirectory: dir);
        Assert.Equal(RuleLoader.Builtin.Rules.Count + 1, set.Rules.Count);
        Assert.Contains("builtin+custom", set.Version, StringComparison.Ordinal);
        Assert.Single(set.ForType("acme.app"));
    }

    [Fact]
    public void Invalid_json_is_refused_with_file_and_line()
    {
        var ex = LoadBroken(Good.Replace("\"severity\": \"medium\",", "\"severity\": \"medium\"", StringComparison.Ordinal));
        Assert.EndsWith("bad.json", ex.File, StringComparison.Ordinal);
        // The parser notices the missing comma at the next token, on the following line.
        Assert.Equal(6, ex.Line);
        Assert.Contains("not valid JSON", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_operator_is_refused_with_its_line()
    {
        var ex = LoadBroken(Good.Replace("\"op\": \"lte\"", "\"op\": \"eval\"", StringComparison.Ordinal));
        Assert.Equal(9, ex.Line);
        Assert.Contains("unknown operator 'eval'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("bad.json:9:", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"severity\": \"medium\"", "\"severity\": \"urgent\"", 5, "severity 'urgent'")]
    [InlineData("\"checkItems\": [2]", "\"checkItems\": []", 7, "checkItems")]
    [InlineData("\"param\": \"max\"", "\"param\": \"other\"", 9, "does not declare")]
    [InlineData("\"default\": 30", "\"default\": 60", 8, "default is not allowed")]
    [InlineData("\"fail\": [ { \"sessionMinutes\": 60 } ]", "\"fail\": []", 11, "fixtures.fail")]
    [InlineData("\"id\": \"ACME-APP-001\"", "\"id\": \"acme app\"", 2, "rule id")]
    [InlineData("\"2.6.3\"", "\"2.6\"", 7, "not an ISMS-P control id")]
    public void A_semantic_error_names_file_line_and_problem(string from, string to, int line, string problem)
    {
        var ex = LoadBroken(Good.Replace(from, to, StringComparison.Ordinal));
        Assert.Equal(line, ex.Line);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_id_names_both_files()
    {
        File.WriteAllText(Path.Combine(dir, "a.json"), Good);
        File.WriteAllText(Path.Combine(dir, "b.json"), Good);
        var ex = Assert.Throws<RuleFileException>(() => RuleLoader.Load(includeBuiltin: false, userDirectory: dir));
        Assert.EndsWith("b.json", ex.File, StringComparison.Ordinal);
        Assert.Contains("a.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_user_rule_may_not_reuse_a_builtin_id()
    {
        File.WriteAllText(Path.Combine(dir, "x.json"), Good.Replace("ACME-APP-001", "JK-AWS-IAM-001", StringComparison.Ordinal));
        var ex = Assert.Throws<RuleFileException>(() => RuleLoader.Load(includeBuiltin: true, userDirectory: dir));
        Assert.Contains("already defined in builtin:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_directory_is_refused()
    {
        var ex = Assert.Throws<RuleFileException>(() => RuleLoader.Load(includeBuiltin: true, userDirectory: Path.Combine(dir, "nope")));
        Assert.Contains("not found", ex.Message, StringComparison.Ordinal);
    }
}
