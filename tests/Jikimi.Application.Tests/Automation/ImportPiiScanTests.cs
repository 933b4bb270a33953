using System.Text;
using Jikimi.Application.Automation;
using Jikimi.Application.Data;
using Jikimi.Application.Evidence;
using Jikimi.Domain.Automation;
using Jikimi.TestSupport.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jikimi.Application.Tests.Scenario;

namespace Jikimi.Application.Tests.Automation;

/// <summary>`pii scan --upload-to` on the automated-evidence model (source pii_scan), on both providers.</summary>
public class ImportPiiScanTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    // Shaped like `jikimi pii scan --format json` with the paths the upload adds (masked values and fingerprints only).
    private const string Scan = """
        {
          "tool": "jikimi pii scan", "version": "1.4.0", "scannedAt": "2026-12-01T01:00:00.0000000+00:00", "minConfidence": "medium", "fingerprintKey": "random",
          "paths": ["/srv/share"],
          "findings": [
            { "type": "KR_RRN", "confidence": "high", "path": "/srv/share/members.csv", "line": 2, "column": 5, "offset": 40, "masked": "960121-1******", "fingerprint": "hmac:aa11" },
            { "type": "KR_RRN", "confidence": "medium", "path": "/srv/share/members.csv", "line": 3, "column": 5, "offset": 80, "masked": "850505-2******", "fingerprint": "hmac:bb22" },
            { "type": "PHONE", "confidence": "high", "path": "/srv/share/members.csv", "line": 2, "column": 20, "offset": 55, "masked": "010-****-6789", "fingerprint": "hmac:cc33" },
            { "type": "KR_PASSPORT", "confidence": "high", "path": "/srv/share/archive.zip", "entry": "old/list.txt", "line": 1, "column": 1, "offset": 0, "masked": "M12****78", "fingerprint": "hmac:dd44" }
          ],
          "summary": { "files": 3, "bytes": 4096, "findings": 4, "seconds": 0.1, "byType": [], "topPlaces": [] },
          "skipped": []
        }
        """;

    private static Task<Jikimi.Domain.Common.Result<RecordedRunView>> Import(AppHarness app, Application.Common.OrgAccess who, Guid a, string json, string? control = null) =>
        app.Run(who.OrganizationId, sp => sp.GetRequiredService<ImportPiiScan>().Handle(who, a, new MemoryStream(Encoding.UTF8.GetBytes(json)), "pii-scan-20261201-100000.json", control, default));

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Unique_identifiers_fail_2_7_1_and_other_data_is_left_to_a_person(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await OrgWithAssessmentAsync(app);
        var r = Ok(await Import(app, org, a.Id, Scan, "3.1.3"));
        Assert.Equal(AutomatedSources.PiiScan, r.Run.Source);
        Assert.Equal("/srv/share", r.Run.Label);
        Assert.Equal(new StatusCounts(0, 2, 0, 0, 1), r.Run.Counts);
        Assert.Equal(["2.7.1", "3.1.3", "3.2.1"], r.ControlsLinked);
        Assert.Equal(1, r.Suggestions);

        var suggestion = Assert.Single(Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<ListSuggestions>().Handle(org, a.Id, default))));
        Assert.Equal("2.7.1-2", suggestion.CheckItemId);

        var detail = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<GetAutomatedRun>().Handle(org, a.Id, r.Run.Id, null, null, null, default)));
        var rrn = Assert.Single(detail.Results, x => x.RuleId == "PII-KR_RRN");
        Assert.Equal(("fail", "high", "/srv/share/members.csv"), (rrn.Status, rrn.Severity, rrn.ResourceId));
        Assert.Contains("960121-1******", rrn.Detail, StringComparison.Ordinal);
        Assert.Contains(detail.Results, x => x.RuleId == "PII-KR_PASSPORT" && x.ResourceId == "/srv/share/archive.zip!old/list.txt");

        // The uploaded summary itself is the evidence version, linked to the mapped controls and the extra one.
        var evidence = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<GetEvidence>().Handle(org, r.Run.EvidenceId!.Value, default)));
        Assert.Equal(AutomatedSources.PiiScan, evidence.Source);
        Assert.StartsWith("개인정보 검출 결과 (PII scan) 2026-12-01", evidence.Title, StringComparison.Ordinal);
        Assert.Equal(3, evidence.Uses);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_clean_scan_passes_and_a_foreign_file_is_refused_with_nothing_stored(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await OrgWithAssessmentAsync(app);
        Fails<RecordedRunView, AutomatedFileUnreadable>(await Import(app, org, a.Id, """{"results":[]}"""));
        Fails<RecordedRunView, AutomatedFileUnreadable>(await Import(app, org, a.Id, Scan[..200]));
        Fails<RecordedRunView, AutomatedRunInvalid>(await Import(app, org, a.Id, Scan, "9.9.9"));
        Assert.Equal(0, await app.Run(org.OrganizationId, sp => sp.GetRequiredService<JikimiDb>().AutomatedRuns.CountAsync()));

        var clean = """{"version":"1.4.0","scannedAt":"2026-12-02T01:00:00Z","paths":["/srv/empty"],"findings":[],"summary":{"files":2,"bytes":10,"findings":0}}""";
        var r = Ok(await Import(app, org, a.Id, clean));
        Assert.Equal(new StatusCounts(1, 0, 0, 0, 0), r.Run.Counts);
        Assert.Equal(["2.7.1"], r.ControlsLinked);
        Assert.Equal(0, r.Suggestions);
    }
}
