using Jikimi.Application.Assets;
using Jikimi.Application.Organizations;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Risk;
using Jikimi.Web.Infrastructure;
using Jikimi.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Jikimi.Web.Pages.Orgs;

/// <summary>The asset inventory (1.2.1): the same use cases as /api/v1/orgs/{orgId}/assets.</summary>
public sealed class AssetsModel(ListAssets list, GetAsset get, CreateAsset create, UpdateAsset update, DeleteAsset delete, ImportAssets import, ExportAssets export, ListMembers members) : OrgPage
{
    public AssetPage? Assets { get; private set; }

    public AssetView? Editing { get; private set; }

    public IReadOnlyList<MemberView> Members { get; private set; } = [];

    public IReadOnlyList<ImportRowError> ImportErrors { get; private set; } = [];

    public string? Type { get; private set; }

    public bool? InScope { get; private set; }

    public bool? PersonalInfo { get; private set; }

    public string? Q { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public const int PageSize = 50;

    public bool CanEdit => Role.CanManageWorkspace();

    public static IEnumerable<AssetType> Types => Enum.GetValues<AssetType>();

    public async Task<IActionResult> OnGetAsync(Guid? edit, string? type, bool? inScope, bool? personalInfo, string? q, int? p, CancellationToken ct)
    {
        (Type, InScope, PersonalInfo, Q, PageNumber) = (type, inScope, personalInfo, q, p ?? 1);
        if (edit is { } id)
        {
            var a = await get.Handle(Access, id, ct);
            if (a.Error is { } e)
            {
                return Failed(e, OrgUrl("/assets"));
            }

            Editing = a.Value;
        }

        return await Load(ct);
    }

    public async Task<IActionResult> OnGetExportXlsxAsync(CancellationToken ct) =>
        await Delivered(Jikimi.Reports.Assets.AssetXlsx.Write(await export.Handle(Access, ct)), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "assets.xlsx");

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var csv = AssetCsv.Write(await export.Handle(Access, ct));
        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(csv)).ToArray();
        return await Delivered(bytes, "text/csv; charset=utf-8", "assets.csv");
    }

    public async Task<IActionResult> OnPostSaveAsync(
        Guid? id, string? assetId, string? name, string? type, string? owner, string? administrator, string? location, bool inScope,
        int confidentiality, int integrity, int availability, bool personalInfo, bool uniqueIdentifiers, int version, CancellationToken ct)
    {
        var req = new AssetRequest(assetId, name, type, Empty(owner), Empty(administrator), Empty(location), inScope,
            confidentiality, integrity, availability, personalInfo, uniqueIdentifiers, version);
        var r = id is { } existing ? await update.Handle(Access, existing, req, ct) : await create.Handle(Access, req, ct);
        if (r.Error is { } e)
        {
            await Load(ct);
            return Fail(e);
        }

        return Done(id is null ? L("자산을 추가했습니다.", "Asset added.") : L("저장했습니다.", "Saved."), OrgUrl("/assets"));
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        var r = await delete.Handle(Access, id, ct);
        return r.Error is { } e ? Failed(e, OrgUrl("/assets")) : Done(L("삭제했습니다.", "Removed."), OrgUrl("/assets"));
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        if (import.CanImport(Access).Error is { } denied)
        {
            return Failed(denied, OrgUrl("/assets"));
        }

        if (file is null)
        {
            return Failed(new Domain.Common.Invalid("file", L("CSV 또는 XLSX 파일을 고르세요.", "Choose a CSV or XLSX file.")), OrgUrl("/assets"));
        }

        await using var stream = file.OpenReadStream();
        var limits = HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Jikimi.Input.InputLimits>>().Value;
        var read = await AssetCsv.ReadUploadAsync(stream, file.FileName, file.Length, limits, ct);
        if (read.Error is { } unreadable)
        {
            return Failed(unreadable, OrgUrl("/assets"));
        }

        var r = await import.Handle(Access, read.Value!, ct);
        if (r.Error is ImportRejected rejected)
        {
            ImportErrors = rejected.Errors;
            await Load(ct);
            return Fail(rejected);
        }

        if (r.Error is { } e)
        {
            return Failed(e, OrgUrl("/assets"));
        }

        var s = r.Value!;
        return Done(L($"가져왔습니다: {s.Rows}행 (추가 {s.Created}, 수정 {s.Updated}).", $"Imported {s.Rows} rows ({s.Created} added, {s.Updated} updated)."), OrgUrl("/assets"));
    }

    public string PageUrl(int p) =>
        OrgUrl("/assets") + QueryString.Create(new Dictionary<string, string?>
        {
            ["type"] = Type, ["inScope"] = InScope?.ToString().ToLowerInvariant(), ["personalInfo"] = PersonalInfo?.ToString().ToLowerInvariant(),
            ["q"] = Q, ["p"] = p.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(kv => !string.IsNullOrEmpty(kv.Value)));

    private async Task<IActionResult> Load(CancellationToken ct)
    {
        Members = await members.Handle(Access, ct);
        var r = await list.Handle(Access, new AssetFilter(Empty(Type), InScope, PersonalInfo, Empty(Q), Math.Max(1, PageNumber), PageSize), ct);
        if (r.Error is { } e)
        {
            return Fail(e);
        }

        Assets = r.Value;
        return Page();
    }

    private static string? Empty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
