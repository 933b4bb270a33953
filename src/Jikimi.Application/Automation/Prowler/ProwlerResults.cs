using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Jikimi.Application.Automation.Prowler;

/// <summary>What Prowler said about one finding.</summary>
public enum ProwlerStatus
{
    Pass,
    Fail,
    Manual,
}

/// <summary>
/// One Prowler finding reduced to what evidence needs: never resource details, tags or environment values.
/// <paramref name="NamesIsmsP"/>: the finding lists the ISMS-P framework at all (even with no id), so the Prowler
/// version that wrote it knows ISMS-P.
/// </summary>
public sealed record ProwlerFinding(string CheckId, ProwlerStatus Status, bool Muted, string ResourceUid, string Region, string Provider, string Account, IReadOnlyList<string> Controls, DateTime? Time, bool NamesIsmsP, string Severity = "")
{
    public bool Pass => Status == ProwlerStatus.Pass;

    /// <summary>Prowler's severity (critical, high, medium, low, informational; OCSF's "Informational", v3's
    /// "informational") as ours; anything else or none is info.</summary>
    public string OurSeverity => Severity.Trim().ToLowerInvariant() switch
    {
        "critical" or "fatal" => "critical",
        "high" => "high",
        "medium" => "medium",
        "low" => "low",
        _ => "info",
    };
}

public sealed record ProwlerCheckCount(string CheckId, int Pass, int Fail);

/// <summary>The results for one ISMS-P control: counts per check and the failing resources.</summary>
public sealed record ProwlerControlResult(string ControlId, int Pass, int Fail, IReadOnlyList<ProwlerCheckCount> Checks, IReadOnlyList<string> FailingResources);

/// <summary>
/// PASS/FAIL findings that name no ISMS-P control, per provider and reason: <c>no-ismsp-in-file</c> (none of the
/// provider's findings in the file lists ISMS-P: Prowler has no ISMS-P mapping for that provider's checks, or the
/// file is older than Prowler's mapping) or <c>check-not-mapped</c> (the file knows ISMS-P, but Prowler maps these
/// checks to no control). They become no evidence.
/// </summary>
public sealed record ProwlerUnmapped(string Provider, string Reason, int Findings, IReadOnlyList<string> Checks)
{
    public const string NoIsmsPInFile = "no-ismsp-in-file";
    public const string CheckNotMapped = "check-not-mapped";
    public const int MaxChecks = 20;

    /// <summary>The reason in words (Korean or English).</summary>
    public string Explain(bool korean) => (Reason, korean) switch
    {
        (NoIsmsPInFile, true) => $"{Provider}: 파일의 점검 결과에 ISMS-P(KISA-ISMS-P-2023) 매핑이 없습니다 — Prowler가 이 제공자의 점검을 ISMS-P에 매핑하지 않거나, ISMS-P 매핑 이전 버전의 출력입니다",
        (NoIsmsPInFile, false) => $"{Provider}: the file's findings name no ISMS-P (KISA-ISMS-P-2023) controls — Prowler maps none of this provider's checks, or the file predates its ISMS-P mapping",
        (_, true) => $"{Provider}: Prowler가 ISMS-P 통제에 매핑하지 않은 점검입니다",
        _ => $"{Provider}: checks Prowler maps to no ISMS-P control",
    };
}

/// <summary>The result set of one Prowler run, in a canonical order, so the same results give the same bytes.</summary>
/// <param name="Found">Every finding the file holds (MANUAL and muted ones included).</param>
/// <param name="Findings">PASS and FAIL findings that are not muted; <paramref name="Unmapped"/> of them name no ISMS-P control.</param>
/// <param name="Manual">MANUAL findings (requirements Prowler cannot check): counted, never evidence.</param>
/// <param name="Muted">Muted (suppressed) findings: counted, never evidence.</param>
public sealed record ProwlerResultSet(
    string Format,
    string Provider,
    IReadOnlyList<string> Accounts,
    DateOnly? ScanDate,
    int Findings,
    int Pass,
    int Fail,
    int Unmapped,
    IReadOnlyList<ProwlerControlResult> Controls,
    int Found = 0,
    int Manual = 0,
    int Muted = 0,
    IReadOnlyList<ProwlerUnmapped>? UnmappedBy = null,
    IReadOnlyList<ProwlerFinding>? Items = null)
{
    public const int MaxResourcesPerControl = 500;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>PASS/FAIL findings that name at least one ISMS-P control.</summary>
    public int Mapped => Findings - Unmapped;

    /// <summary>The summary file attached as evidence (JSON, UTF-8, deterministic; unchanged shape, so re-imports stay idempotent).</summary>
    public byte[] ToSummaryJson() => JsonSerializer.SerializeToUtf8Bytes(new
    {
        source = "prowler",
        format = Format,
        provider = Provider,
        accounts = Accounts,
        scanDate = ScanDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        findings = Findings,
        pass = Pass,
        fail = Fail,
        withoutIsmsPMapping = Unmapped,
        controls = Controls,
    }, Json);
}

/// <summary>A Prowler file that cannot be read; says where. <paramref name="Input"/> when the edge refused the bytes (not UTF-8).</summary>
public sealed record ProwlerParseError(string Message, Jikimi.Input.InputError? Input = null);

/// <summary>
/// Reads Prowler output: JSON-OCSF (an array of Detection Findings; ISMS-P ids under unmapped.compliance
/// "KISA-ISMS-P-2023…"), the older (v3) JSON (CheckID/Status/Compliance), the semicolon CSV (v3/v4+; ISMS-P ids in
/// the COMPLIANCE column) and the ISMS-P compliance CSV (<c>kisa_isms_p_2023_aws</c>: one row per finding and
/// requirement, REQUIREMENTS_ID/CHECKID/STATUS/MUTED). MANUAL and muted findings are counted, never evidence.
/// </summary>
public static class ProwlerReader
{
    public static (ProwlerResultSet? Results, ProwlerParseError? Error) Parse(byte[] bytes)
    {
        // Strict UTF-8 through the edge: a file saved in another encoding is refused (input.encoding), never read garbled.
        var decoded = Jikimi.Input.InputText.Utf8(bytes, "prowler");
        if (decoded.Error is { } notUtf8)
        {
            return (null, new ProwlerParseError(notUtf8.Message, notUtf8));
        }

        var text = decoded.Value.TrimStart('\uFEFF');
        var first = text.FirstOrDefault(c => !char.IsWhiteSpace(c));
        var parsed = first is '[' or '{' ? ReadJson(text) : ReadCsv(text);
        if (parsed.Error is not null)
        {
            return (null, parsed.Error);
        }

        var all = parsed.Findings!;
        if (all.Count == 0)
        {
            return (null, new ProwlerParseError("The file holds no findings."));
        }

        var findings = all.Where(f => !f.Muted && f.Status != ProwlerStatus.Manual).ToList();
        var mapped = findings.Where(f => f.Controls.Count > 0).ToList();
        var controls = mapped.SelectMany(f => f.Controls.Select(c => (Control: c, Finding: f)))
            .GroupBy(x => x.Control)
            .OrderBy(g => g.Key, Catalog.Search.ControlIdComparer.Instance)
            .Select(g => new ProwlerControlResult(
                g.Key,
                g.Count(x => x.Finding.Pass),
                g.Count(x => !x.Finding.Pass),
                g.GroupBy(x => x.Finding.CheckId).OrderBy(c => c.Key, StringComparer.Ordinal)
                    .Select(c => new ProwlerCheckCount(c.Key, c.Count(x => x.Finding.Pass), c.Count(x => !x.Finding.Pass))).ToList(),
                g.Where(x => !x.Finding.Pass).Select(x => string.IsNullOrEmpty(x.Finding.Region) ? x.Finding.ResourceUid : $"{x.Finding.ResourceUid} ({x.Finding.Region})")
                    .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(ProwlerResultSet.MaxResourcesPerControl).ToList()))
            .ToList();

        // Why a finding maps to nothing: does any finding of its provider in this file list ISMS-P at all?
        var knowsIsmsP = all.Where(f => f.NamesIsmsP).Select(f => ProviderOf(f)).ToHashSet(StringComparer.Ordinal);
        var unmapped = findings.Where(f => f.Controls.Count == 0)
            .GroupBy(f => (Provider: ProviderOf(f), Reason: knowsIsmsP.Contains(ProviderOf(f)) ? ProwlerUnmapped.CheckNotMapped : ProwlerUnmapped.NoIsmsPInFile))
            .OrderBy(g => g.Key.Provider, StringComparer.Ordinal).ThenBy(g => g.Key.Reason, StringComparer.Ordinal)
            .Select(g => new ProwlerUnmapped(g.Key.Provider, g.Key.Reason, g.Count(),
                g.Select(f => f.CheckId).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(ProwlerUnmapped.MaxChecks).ToList()))
            .ToList();
        var providers = all.Select(f => f.Provider).Where(p => p.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        var times = all.Where(f => f.Time is not null).Select(f => f.Time!.Value).ToList();
        return (new ProwlerResultSet(
            parsed.Format!,
            providers.Count == 0 ? "unknown" : string.Join(",", providers),
            all.Select(f => f.Account).Where(a => a.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList(),
            times.Count == 0 ? null : DateOnly.FromDateTime(times.Max()),
            findings.Count,
            findings.Count(f => f.Pass),
            findings.Count(f => !f.Pass),
            findings.Count - mapped.Count,
            controls,
            all.Count,
            all.Count(f => f.Status == ProwlerStatus.Manual && !f.Muted),
            all.Count(f => f.Muted),
            unmapped,
            mapped), null);
    }

    private static string ProviderOf(ProwlerFinding f) => f.Provider.Length > 0 ? f.Provider.ToLowerInvariant() : "unknown";

    private static bool IsIsmsP(string framework) => framework.Trim().StartsWith("KISA-ISMS-P-2023", StringComparison.OrdinalIgnoreCase);

    private static ProwlerStatus? StatusOf(string text) => text.Trim().ToUpperInvariant() switch
    {
        "PASS" => ProwlerStatus.Pass,
        "FAIL" => ProwlerStatus.Fail,
        "MANUAL" or "INFO" => ProwlerStatus.Manual,
        _ => null,
    };

    private static (string? Format, List<ProwlerFinding>? Findings, ProwlerParseError? Error) ReadJson(string text)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            return (null, null, new ProwlerParseError($"Not valid JSON (line {ex.LineNumber + 1}): expected Prowler's JSON-OCSF output."));
        }

        using (doc)
        {
            var root = doc.RootElement;
            var items = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [root];
            var legacy = items.Count > 0 && items[0].ValueKind == JsonValueKind.Object && items[0].TryGetProperty("CheckID", out _) && items[0].TryGetProperty("Status", out _);
            var list = new List<ProwlerFinding>();
            for (var i = 0; i < items.Count; i++)
            {
                var f = items[i];
                if (f.ValueKind != JsonValueKind.Object)
                {
                    return (null, null, new ProwlerParseError($"Finding #{i + 1} is not an object."));
                }

                var finding = legacy ? ReadLegacy(f) : ReadOcsf(f);
                if (finding is null)
                {
                    return (null, null, new ProwlerParseError(legacy
                        ? $"Finding #{i + 1} has no Status: not Prowler JSON output."
                        : $"Finding #{i + 1} has no status_code: not Prowler JSON-OCSF output."));
                }

                list.Add(finding);
            }

            return (legacy ? "json-v3" : "json-ocsf", list, null);
        }
    }

    private static ProwlerFinding? ReadOcsf(JsonElement f)
    {
        if (StatusOf(Str(f, "status_code")) is not { } status)
        {
            return null;
        }

        var muted = Str(f, "status").Equals("Suppressed", StringComparison.OrdinalIgnoreCase)
            || (f.TryGetProperty("unmapped", out var um) && um.ValueKind == JsonValueKind.Object && um.TryGetProperty("muted", out var mv) && mv.ValueKind == JsonValueKind.True);
        var check = f.TryGetProperty("metadata", out var m) ? Str(m, "event_code") : string.Empty;
        if (check.Length == 0 && f.TryGetProperty("finding_info", out var fi))
        {
            check = Str(fi, "uid");
        }

        var resource = f.TryGetProperty("resources", out var rs) && rs.ValueKind == JsonValueKind.Array && rs.GetArrayLength() > 0 ? rs[0] : default;
        var resourceUid = resource.ValueKind == JsonValueKind.Object ? First(Str(resource, "uid"), Str(resource, "name")) : string.Empty;
        var region = resource.ValueKind == JsonValueKind.Object ? Str(resource, "region") : string.Empty;
        var cloud = f.TryGetProperty("cloud", out var c) ? c : default;
        var account = cloud.ValueKind == JsonValueKind.Object && cloud.TryGetProperty("account", out var acc) ? Str(acc, "uid") : string.Empty;
        var provider = cloud.ValueKind == JsonValueKind.Object ? Str(cloud, "provider") : string.Empty;
        var controls = new SortedSet<string>(StringComparer.Ordinal);
        var names = false;
        if (f.TryGetProperty("unmapped", out var u) && u.ValueKind == JsonValueKind.Object && u.TryGetProperty("compliance", out var comp))
        {
            names = Compliance(comp, controls);
        }

        DateTime? time = Str(f, "time_dt") is { Length: > 0 } dt && DateTime.TryParse(dt, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t) ? t
            : f.TryGetProperty("time", out var tt) && tt.ValueKind == JsonValueKind.Number && tt.TryGetInt64(out var unix) ? DateTimeOffset.FromUnixTimeSeconds(unix).UtcDateTime : null;
        return new ProwlerFinding(check, status, muted, resourceUid, region, provider, account, controls.ToList(), time, names, Str(f, "severity"));
    }

    /// <summary>Prowler v3's JSON (<c>-M json</c>): CheckID, Status, Provider, AccountId, ResourceArn/ResourceId, Region, Compliance.</summary>
    private static ProwlerFinding? ReadLegacy(JsonElement f)
    {
        if (StatusOf(Str(f, "Status")) is not { } status)
        {
            return null;
        }

        var controls = new SortedSet<string>(StringComparer.Ordinal);
        var names = f.TryGetProperty("Compliance", out var comp) && Compliance(comp, controls);
        DateTime? time = DateTime.TryParse(First(Str(f, "AssessmentStartTime"), Str(f, "Timestamp")), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t) ? t : null;
        var muted = f.TryGetProperty("Muted", out var mv) && mv.ValueKind == JsonValueKind.True;
        return new ProwlerFinding(Str(f, "CheckID"), status, muted, First(Str(f, "ResourceArn"), Str(f, "ResourceId")), Str(f, "Region"), Str(f, "Provider"), First(Str(f, "AccountId"), Str(f, "Account")), controls.ToList(), time, names, Str(f, "Severity"));
    }

    /// <summary>Adds the ISMS-P ids of a { framework: [ids] } object; true when it lists ISMS-P at all.</summary>
    private static bool Compliance(JsonElement comp, SortedSet<string> controls)
    {
        var names = false;
        if (comp.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (var fw in comp.EnumerateObject().Where(p => IsIsmsP(p.Name)))
        {
            names = true;
            if (fw.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var id in fw.Value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String))
                {
                    AddControl(controls, id.GetString());
                }
            }
        }

        return names;
    }

    private static (string? Format, List<ProwlerFinding>? Findings, ProwlerParseError? Error) ReadCsv(string text)
    {
        var table = Jikimi.Input.CsvReader.ReadAll(text, new Jikimi.Input.CsvOptions { Delimiter = ';', HasHeader = false, SkipBlankLines = false });
        if (table.Error is { } malformed)
        {
            return (null, null, new ProwlerParseError(malformed.Message));
        }

        var rows = table.Value.Rows.Select(r => r.Fields.ToList()).ToList();
        if (rows.Count == 0)
        {
            return (null, null, new ProwlerParseError("The file is empty."));
        }

        var header = rows[0].Select(h => h.Trim().ToUpperInvariant()).ToList();
        if (header.Contains("REQUIREMENTS_ID") && header.Contains("CHECKID") && header.Contains("STATUS"))
        {
            return ReadComplianceCsv(rows, header);
        }

        int Col(string name) => header.IndexOf(name);
        var status = Col("STATUS");
        var check = Col("CHECK_ID");
        var compliance = Col("COMPLIANCE");
        if (status < 0 || check < 0 || compliance < 0)
        {
            return (null, null, new ProwlerParseError("Not Prowler CSV output: the header needs STATUS, CHECK_ID and COMPLIANCE columns (semicolon-separated, Prowler v4 or later), or REQUIREMENTS_ID, CHECKID and STATUS (Prowler's ISMS-P compliance CSV)."));
        }

        int resource = Col("RESOURCE_UID"), resourceName = Col("RESOURCE_NAME"), resourceId = Col("RESOURCE_ID"), region = Col("REGION"), provider = Col("PROVIDER"),
            account = Col("ACCOUNT_UID") is >= 0 and var au ? au : Col("ACCOUNT_ID"), time = Col("TIMESTAMP") is >= 0 and var ts ? ts : Col("ASSESSMENT_START_TIME"), muted = Col("MUTED"), severity = Col("SEVERITY");
        var list = new List<ProwlerFinding>();
        for (var r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            if (row.Count == 1 && row[0].Length == 0)
            {
                continue;
            }

            if (row.Count != header.Count)
            {
                return (null, null, new ProwlerParseError($"Line {r + 1} has {row.Count} fields; the header has {header.Count}."));
            }

            string V(int i) => i >= 0 ? row[i].Trim() : string.Empty;
            if (StatusOf(V(status)) is not { } s)
            {
                return (null, null, new ProwlerParseError($"Line {r + 1}: STATUS '{Cut(V(status))}' is not PASS, FAIL or MANUAL."));
            }

            var controls = new SortedSet<string>(StringComparer.Ordinal);
            var names = false;
            foreach (var part in V(compliance).Split('|'))
            {
                var colon = part.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && IsIsmsP(part[..colon]))
                {
                    names = true;
                    foreach (var id in part[(colon + 1)..].Split(','))
                    {
                        AddControl(controls, id);
                    }
                }
            }

            list.Add(new ProwlerFinding(V(check), s, IsTrue(V(muted)), First(First(V(resource), V(resourceId)), V(resourceName)), V(region), V(provider), V(account), controls.ToList(), TimeOf(V(time)), names, V(severity)));
        }

        return ("csv", list, null);
    }

    /// <summary>
    /// Prowler's ISMS-P compliance CSV: a row per (finding, requirement), and one MANUAL row per requirement no check
    /// covers. Rows of the same check, resource, region and account are one finding with several controls.
    /// </summary>
    private static (string? Format, List<ProwlerFinding>? Findings, ProwlerParseError? Error) ReadComplianceCsv(List<List<string>> rows, List<string> header)
    {
        int Col(string name) => header.IndexOf(name);
        int requirement = Col("REQUIREMENTS_ID"), check = Col("CHECKID"), status = Col("STATUS"), muted = Col("MUTED"), provider = Col("PROVIDER"), account = Col("ACCOUNTID"),
            region = Col("REGION"), resource = Col("RESOURCEID"), resourceName = Col("RESOURCENAME"), date = Col("ASSESSMENTDATE");
        var byKey = new Dictionary<string, (ProwlerFinding Finding, SortedSet<string> Controls)>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            if (row.Count == 1 && row[0].Length == 0)
            {
                continue;
            }

            if (row.Count != header.Count)
            {
                return (null, null, new ProwlerParseError($"Line {r + 1} has {row.Count} fields; the header has {header.Count}."));
            }

            string V(int i) => i >= 0 ? row[i].Trim() : string.Empty;
            if (StatusOf(V(status)) is not { } s)
            {
                return (null, null, new ProwlerParseError($"Line {r + 1}: STATUS '{Cut(V(status))}' is not PASS, FAIL or MANUAL."));
            }

            // A MANUAL row stands for its requirement; any other row for its finding.
            var key = s == ProwlerStatus.Manual
                ? "manual\n" + V(requirement)
                : string.Join('\n', V(check), V(resource), V(region), V(account), V(status).ToUpperInvariant(), V(muted).ToUpperInvariant());
            if (!byKey.TryGetValue(key, out var entry))
            {
                entry = (new ProwlerFinding(V(check), s, IsTrue(V(muted)), First(V(resource), V(resourceName)), V(region), V(provider), V(account), [], TimeOf(V(date)), true), new SortedSet<string>(StringComparer.Ordinal));
                byKey[key] = entry;
                order.Add(key);
            }

            if (s != ProwlerStatus.Manual)
            {
                AddControl(entry.Controls, V(requirement));
            }
        }

        return ("csv-ismsp", order.Select(k => byKey[k].Finding with { Controls = byKey[k].Controls.ToList() }).ToList(), null);
    }

    private static bool IsTrue(string v) => v.Equals("True", StringComparison.OrdinalIgnoreCase) || v == "1";

    private static DateTime? TimeOf(string v) =>
        DateTime.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t) ? t : null;

    private static string Cut(string v) => v.Length > 20 ? v[..20] + "…" : v;

    private static void AddControl(SortedSet<string> controls, string? id)
    {
        var v = id?.Trim().Trim('\'', '"', '[', ']').Trim();
        if (!string.IsNullOrEmpty(v) && v.Length <= 16 && v.All(ch => char.IsAsciiDigit(ch) || ch == '.'))
        {
            controls.Add(v);
        }
    }

    private static string Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? string.Empty : string.Empty;

    private static string First(string a, string b) => a.Length > 0 ? a : b;
}
