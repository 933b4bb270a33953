using Jikimi.Web.Ui;

namespace Jikimi.Web.Tests;

public sealed class UiTextTests
{
    [Theory]
    [InlineData("{\"owner\":\"\\uC778\\uD504\\uB77C\\uD300\",\"auditId\":\"9866f5e4\",\"number\":1,\"dueOn\":null}", "owner: 인프라팀 · number: 1")]
    [InlineData("{\"before\":\"x\",\"after\":\"<b>y</b>\"}", "before: x · after: <b>y</b>")]
    [InlineData("plain text", "plain text")]
    [InlineData("{broken", "{broken")]
    [InlineData("", "")]
    public void Audit_summaries_read_as_key_value_text(string json, string expected) =>
        Assert.Equal(expected, UiText.Summary(json));
}
