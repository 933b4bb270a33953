using Jikimi.Reports.Xlsx;

namespace Jikimi.Reports.Statement;

/// <summary>
/// The operation statement (운영명세서) sheet as Korean auditors expect it: one row per control. Columns A–E come
/// from the catalog and are ignored on import; F–J are the organization's and are imported.
/// </summary>
public static class StatementLayout
{
    public const string SheetKo = "운영명세서";
    public const string SheetEn = "Operation statement";
    public const string AboutKo = "정보";
    public const string AboutEn = "About";

    public static readonly ColumnSpec Domain = new("domain", "분야", "Domain", 18);
    public static readonly ColumnSpec Subdomain = new("subdomain", "세부분야", "Sub-domain", 20);
    public static readonly ColumnSpec ControlId = new("controlId", "항목번호", "Control ID", 10, Wrap: false);
    public static readonly ColumnSpec ControlTitle = new("controlTitle", "통제항목", "Control", 22);
    public static readonly ColumnSpec Criterion = new("criterion", "인증기준", "Criterion", 45);
    public static readonly ColumnSpec Operated = new("operated", "운영여부", "Operated", 9, Wrap: false);
    public static readonly ColumnSpec NotApplicableReason = new("reason", "미운영 사유", "Reason not applicable", 28);
    public static readonly ColumnSpec OperationStatus = new("operationStatus", "운영현황", "Operating status", 55);
    public static readonly ColumnSpec RelatedDocuments = new("relatedDocuments", "관련 문서 (정책·지침 및 조항)", "Related documents (policy or guideline, clause)", 32);
    public static readonly ColumnSpec EvidenceRecords = new("evidenceRecords", "기록 (증적)", "Records (evidence)", 32);

    public static readonly IReadOnlyList<ColumnSpec> Columns =
        [Domain, Subdomain, ControlId, ControlTitle, Criterion, Operated, NotApplicableReason, OperationStatus, RelatedDocuments, EvidenceRecords];

    public static readonly ColumnSpec AboutKey = new("key", "항목", "Item", 24, Wrap: false);
    public static readonly ColumnSpec AboutValue = new("value", "값", "Value", 60, Wrap: false);

    public const string AssessmentKey = "assessment-id";
    public const string OrganizationKey = "organization-id";

    public static int IndexOf(ColumnSpec c) => Columns.IndexOf(c) + 1;

    private static int IndexOf(this IReadOnlyList<ColumnSpec> list, ColumnSpec c)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (ReferenceEquals(list[i], c))
            {
                return i;
            }
        }

        return -1;
    }

    public static bool IsStatementSheet(string name) => name.Trim() == SheetKo || string.Equals(name.Trim(), SheetEn, StringComparison.OrdinalIgnoreCase);

    public static bool IsAboutSheet(string name) => name.Trim() == AboutKo || string.Equals(name.Trim(), AboutEn, StringComparison.OrdinalIgnoreCase);

    public static string OperatedText(bool applicable) => applicable ? "Y" : "N";

    public static bool TryParseOperated(string? text, out bool applicable)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "Y" or "YES" or "예" or "O":
                applicable = true;
                return true;
            case "N" or "NO" or "아니오" or "X":
                applicable = false;
                return true;
            default:
                applicable = true;
                return false;
        }
    }
}
