using Jikimi.Application.AuditTrail;
using Jikimi.Application.Organizations;
using Jikimi.Web.Ui;
using Microsoft.AspNetCore.WebUtilities;

namespace Jikimi.Web.Pages.Orgs;

public sealed class AuditTrailModel(ListAuditEvents list, ListMembers members) : OrgPage
{
    private const int PageSize = 50;

    public AuditQuery Query { get; private set; } = new();

    public Page<AuditEventView> Events { get; private set; } = new([], 0, 0, 0);

    public IReadOnlyList<MemberView> Members { get; private set; } = [];

    public async Task OnGetAsync(string? action, string? entityType, Guid? actor, DateOnly? from, DateOnly? to, int? skip, CancellationToken ct)
    {
        Query = new AuditQuery(Empty(action), Empty(entityType), null, actor,
            from?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), to?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), Math.Max(0, skip ?? 0), PageSize);
        Events = await list.Handle(Access, Query, ct);
        Members = await members.Handle(Access, ct);
    }

    public string PageUrl(int skip)
    {
        var q = Request.Query.ToDictionary(k => k.Key, k => (string?)k.Value.ToString());
        q["skip"] = skip.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString(Request.Path, q);
    }

    private static string? Empty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
