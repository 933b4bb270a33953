using System.Text.Json;
using Jikimi.Checks.Conditions;

namespace Jikimi.Checks.Tests.Engine;

public class ConditionTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static bool Eval(string condition, string resource)
    {
        using var c = JsonDocument.Parse(condition);
        using var r = JsonDocument.Parse(resource);
        var compiled = ConditionParser.Parse(c.RootElement, "");
        return compiled.Evaluate(r.RootElement, new EvaluationContext(r.RootElement, new Dictionary<string, JsonElement>(), Now));
    }

    [Theory]
    [InlineData("""{"path":"a","op":"eq","value":1}""", """{"a":1.0}""", true)]
    [InlineData("""{"path":"a","op":"eq","value":"1"}""", """{"a":1}""", false)]
    [InlineData("""{"path":"a","op":"ne","value":true}""", """{}""", true)]
    [InlineData("""{"path":"a","op":"eq","value":true}""", """{}""", false)]
    [InlineData("""{"path":"a.b","op":"gte","value":8}""", """{"a":{"b":"9"}}""", true)]
    [InlineData("""{"path":"a","op":"lt","value":8}""", """{}""", false)]
    [InlineData("""{"path":"a","op":"in","value":["x","y"]}""", """{"a":"y"}""", true)]
    [InlineData("""{"path":"a","op":"not_in","value":["x"]}""", """{}""", true)]
    [InlineData("""{"path":"a","op":"contains","value":"mfa"}""", """{"a":["block","mfa"]}""", true)]
    [InlineData("""{"path":"a","op":"contains_any","value":["q","cbc"]}""", """{"a":"aes128-cbc"}""", true)]
    [InlineData("""{"path":"a","op":"matches","value":"^ab+c$"}""", """{"a":"abbbc"}""", true)]
    [InlineData("""{"path":"a","op":"not_matches","value":"cbc"}""", """{"a":"ctr"}""", true)]
    [InlineData("""{"path":"a","op":"empty"}""", """{"a":[]}""", true)]
    [InlineData("""{"path":"a","op":"not_empty"}""", """{"a":""}""", false)]
    [InlineData("""{"path":"a","op":"older_than_days","value":90}""", """{"a":"2025-01-01T00:00:00Z"}""", true)]
    [InlineData("""{"path":"a","op":"within_days","value":90}""", """{"a":"N/A"}""", false)]
    [InlineData("""{"path":"m","op":"perm_max","value":"0644"}""", """{"m":"0640"}""", true)]
    [InlineData("""{"path":"m","op":"perm_max","value":"0644"}""", """{"m":"0664"}""", false)]
    [InlineData("""{"path":"u","op":"bits_all","value":"022"}""", """{"u":"027"}""", true)]
    [InlineData("""{"path":"files.'/etc/login.defs'.mode","op":"eq","value":"0644"}""", """{"files":{"/etc/login.defs":{"mode":"0644"}}}""", true)]
    [InlineData("""{"path":"p","op":"covers_port","value":22}""", """{"p":"20-30"}""", true)]
    [InlineData("""{"path":"p","op":"covers_port","value":22}""", """{"p":"*"}""", true)]
    [InlineData("""{"path":"p","op":"covers_port","value":22}""", """{"p":"2222"}""", false)]
    [InlineData("""{"path":"p","op":"covers_port","value":22}""", """{"p":"23-1024"}""", false)]
    [InlineData("""{"path":"p","op":"covers_port","value":3389}""", """{"p":["80","3000-4000"]}""", true)]
    [InlineData("""{"path":"p","op":"covers_port","value":22}""", """{"p":22}""", true)]
    [InlineData("""{"path":"p","op":"covers_port","value":22}""", """{}""", false)]
    [InlineData("""{"some":"xs","where":{"path":"k","op":"eq","value":1}}""", """{"xs":[{"k":2},{"k":1}]}""", true)]
    [InlineData("""{"none":"xs","where":{"path":"k","op":"eq","value":1}}""", """{"xs":[{"k":2},{"k":1}]}""", false)]
    [InlineData("""{"each":"xs","where":{"path":"k","op":"gt","value":0}}""", """{}""", true)]
    [InlineData("""{"count":"xs","op":"gte","value":2,"where":{"path":"$.top","op":"eq","value":true}}""", """{"top":true,"xs":[1,2]}""", true)]
    [InlineData("""{"all":[{"path":"a","op":"exists"},{"not":{"path":"b","op":"exists"}}]}""", """{"a":0}""", true)]
    [InlineData("""{"any":[{"path":"a","op":"exists"},{"path":"b","op":"exists"}]}""", """{"c":0}""", false)]
    public void Operators(string condition, string resource, bool expected) => Assert.Equal(expected, Eval(condition, resource));

    [Theory]
    [InlineData("""{"path":"a","op":"gt","value":1}""", """{"a":"many"}""")]
    [InlineData("""{"some":"a","where":{"path":"k","op":"exists"}}""", """{"a":{"k":1}}""")]
    [InlineData("""{"path":"a","op":"older_than_days","value":1}""", """{"a":"last tuesday"}""")]
    [InlineData("""{"path":"p","op":"covers_port","value":22}""", """{"p":"ssh"}""")]
    [InlineData("""{"path":"a","op":"perm_max","value":"0644"}""", """{"a":"rwx"}""")]
    public void A_value_of_the_wrong_kind_is_an_evaluation_error_not_a_crash(string condition, string resource) =>
        Assert.Throws<EvaluationException>(() => Eval(condition, resource));

    [Theory]
    [InlineData("""{"path":"a"}""", "missing 'op'")]
    [InlineData("""{"path":"a","op":"eq"}""", "exactly one of")]
    [InlineData("""{"all":[]}""", "non-empty array")]
    [InlineData("""{"some":"a"}""", "needs a 'where'")]
    [InlineData("""{"path":"a..b","op":"exists"}""", "empty segment")]
    [InlineData("""{"path":"a","op":"matches","value":"("}""", "invalid regular expression")]
    [InlineData("""{"count":"a","op":"in","value":[1]}""", "'count' compares")]
    [InlineData("""{"code":"rm -rf /"}""", "expected one of")]
    public void Malformed_conditions_are_refused(string condition, string problem)
    {
        using var c = JsonDocument.Parse(condition);
        var ex = Assert.Throws<ConditionSyntaxException>(() => ConditionParser.Parse(c.RootElement, ""));
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
    }
}
