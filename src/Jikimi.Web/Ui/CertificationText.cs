namespace Jikimi.Web.Ui;

/// <summary>Names of the certification cycle's values in the request's language.</summary>
public static class CertificationText
{
    public static string Kind(string wire) => wire switch
    {
        "initial" => Lang.L("최초심사", "Initial audit"),
        "surveillance" => Lang.L("사후심사", "Surveillance audit"),
        "renewal" => Lang.L("갱신심사", "Renewal audit"),
        _ => wire,
    };

    public static string AuditStatus(string wire) => wire switch
    {
        "planned" => Lang.L("예정", "Planned"),
        "in-progress" => Lang.L("심사 중", "In progress"),
        "conditional" => Lang.L("조건부", "Conditional"),
        "decided" => Lang.L("결정됨", "Decided"),
        _ => wire,
    };

    public static string Decision(string wire) => wire switch
    {
        "approve" => Lang.L("인증", "Approved"),
        "conditional" => Lang.L("조건부", "Conditional"),
        "reject" => Lang.L("불인증", "Rejected"),
        _ => wire,
    };

    public static string Status(string wire) => wire switch
    {
        "active" => Lang.L("유효", "Active"),
        "suspended" => Lang.L("효력 정지", "Suspended"),
        "revoked" => Lang.L("취소", "Revoked"),
        "expired" => Lang.L("만료", "Expired"),
        _ => wire,
    };

    public static string FindingStatus(string wire) => wire switch
    {
        "open" => Lang.L("조치계획 대기", "Open"),
        "plan-submitted" => Lang.L("조치계획 제출", "Plan submitted"),
        "fixed" => Lang.L("조치 완료(확인 대기)", "Fixed (to verify)"),
        "recorrection" => Lang.L("재조치", "Re-correction"),
        "further-correction" => Lang.L("추가 보완조치(인증위원회)", "Further correction (committee)"),
        "closed" => Lang.L("종료", "Closed"),
        _ => wire,
    };

    public static string Severity(string wire) => wire switch
    {
        "high" => Lang.L("높음", "High"),
        "medium" => Lang.L("보통", "Medium"),
        _ => Lang.L("낮음", "Low"),
    };
}
