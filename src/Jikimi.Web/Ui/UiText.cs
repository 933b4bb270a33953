namespace Jikimi.Web.Ui;

/// <summary>Names of the domain's values (roles, results, statuses) in the request's language.</summary>
public static class UiText
{
    public static string Role(string wire) => wire switch
    {
        "administrator" => Lang.L("관리자", "Administrator"),
        "compliance-manager" => Lang.L("인증 담당자", "Compliance manager"),
        "control-owner" => Lang.L("통제 담당자", "Control owner"),
        "auditor" => Lang.L("심사원", "Auditor"),
        _ => Lang.L("조회자", "Viewer"),
    };

    public static readonly string[] Roles = ["viewer", "auditor", "control-owner", "compliance-manager", "administrator"];

    public static string Result(string wire) => wire switch
    {
        "fulfilled" => Lang.L("이행", "Fulfilled"),
        "partial" => Lang.L("부분 이행", "Partial"),
        "not-fulfilled" => Lang.L("미이행", "Not fulfilled"),
        "not-applicable" => Lang.L("해당 없음", "Not applicable"),
        _ => Lang.L("미점검", "Unassessed"),
    };

    public static readonly string[] Results = ["unassessed", "fulfilled", "partial", "not-fulfilled", "not-applicable"];

    public static string Status(string wire) => wire switch
    {
        "in-progress" => Lang.L("진행 중", "In progress"),
        "in-review" => Lang.L("검토 중", "In review"),
        "done" => Lang.L("완료", "Done"),
        _ => Lang.L("할 일", "To do"),
    };

    public static readonly string[] Statuses = ["to-do", "in-progress", "in-review", "done"];

    public static string Certification(string wire) => wire == "isms" ? "ISMS" : "ISMS-P";

    public static string Date(DateTime utc) => utc.ToLocalTime().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "—";

    /// <summary>
    /// An audit event's summary (a small JSON object) as "key: value · key: value" — readable, Hangul unescaped; ids and
    /// nulls left out. Anything that is not a JSON object is shown as it is. The result is text (Razor escapes it).
    /// </summary>
    public static string Summary(string? json)
    {
        if (string.IsNullOrWhiteSpace(json) || json[0] != '{')
        {
            return json ?? string.Empty;
        }

        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(json);
            var parts = doc.RootElement.EnumerateObject()
                .Where(p => p.Value.ValueKind is not System.Text.Json.JsonValueKind.Null && !p.Name.EndsWith("Id", StringComparison.Ordinal) && p.Name != "id")
                .Select(p => $"{p.Name}: {(p.Value.ValueKind == System.Text.Json.JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText())}");
            return string.Join(" · ", parts);
        }
        catch (System.Text.Json.JsonException)
        {
            return json;
        }
    }

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes / 1024.0 / 1024.0:0.#} MB",
    };
}
