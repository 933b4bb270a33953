using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Jikimi.Reports.Prowler;

/// <summary>One Prowler finding reduced to what evidence needs: never resource details, tags or environment values.</summary>
public sealed record ProwlerFinding(string CheckId, bool Pass, string ResourceUid, string Region, string Provider, string Account, IReadOnlyList<string> Controls, DateTime? Time);

public sealed record ProwlerCheckCount(string CheckId, int Pass, int Fail);

/// <summary>The results for one ISMS-P control: counts per check and the failing resources.</summary>
public sealed record ProwlerControlResult(string ControlId, int Pass, int Fail, IReadOnlyList<ProwlerCheckCount> Checks, IReadOnlyList<string> FailingResources);

/// <summary>The result set of one Prowler run, in a canonical order, so the same results give the same bytes.</summary>
public sealed record ProwlerResultSet(string Format, string Provider, IReadOnlyList<string> Accounts, DateOnly? ScanDate, int Findings, int Pass, int Fail, int Unmapped, IReadOnlyList<ProwlerControlResult> Controls)
{
    public const int MaxResourcesPerControl = 500;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The summary file attached as evidence (JSON, UTF-8, deterministic).</summary>
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

/// <summary>A Prowler file that cannot be read; says where.</summary>
public sealed record ProwlerParseError(string Message);

/// <summary>
/// Reads Prowler output: JSON-OCSF (an array of Detection Findings; ISMS-P ids under unmapped.compliance
/// "KISA-ISMS-P-2023…") or the semicolon CSV (v4+; ISMS-P ids in the COMPLIANCE column). MANUAL and muted
/// findings are not counted.
/// </summary>
public static class ProwlerReader
{
    public static (ProwlerResultSet? Results, ProwlerParseError? Error) Parse(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        var first = text.FirstOrDefault(c => !char.IsWhiteSpace(c));
        var parsed = first is '[' or '{' ? ReadOcsf(text) : ReadCsv(text);
        if (parsed.Error is not null)
        {
            return (null, parsed.Error);
        }

        var findings = parsed.Findings!;
        if (findings.Count == 0)
        {
            return (null, new ProwlerParseError("The file holds no PASS or FAIL findings."));
        }

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
        var providers = findings.Select(f => f.Provider).Where(p => p.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        var times = findings.Where(f => f.Time is not null).Select(f => f.Time!.Value).ToList();
        return (new ProwlerResultSet(
            parsed.Format!,
            providers.Count == 0 ? "unknown" : string.Join(",", providers),
            findings.Select(f => f.Account).Where(a => a.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList(),
            times.Count == 0 ? null : DateOnly.FromDateTime(times.Max()),
            findings.Count,
            findings.Count(f => f.Pass),
            findings.Count(f => !f.Pass),
            findings.Count - mapped.Count,
            controls), null);
    }

    private static bool IsIsmsP(string framework) => framework.StartsWith("KISA-ISMS-P-2023", StringComparison.OrdinalIgnoreCase);

    private static (string? Format, List<ProwlerFinding>? Findings, ProwlerParseError? Error) ReadOcsf(string text)
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
            var list = new List<ProwlerFinding>();
            for (var i = 0; i < items.Count; i++)
            {
                var f = items[i];
                if (f.ValueKind != JsonValueKind.Object)
                {
                    return (null, null, new ProwlerParseError($"Finding #{i + 1} is not an object."));
                }

                var status = Str(f, "status_code").ToUpperInvariant();
                if (status is not ("PASS" or "FAIL"))
                {
                    if (status.Length == 0 && !f.TryGetProperty("finding_info", out _))
                    {
                        return (null, null, new ProwlerParseError($"Finding #{i + 1} has no status_code: not Prowler JSON-OCSF output."));
                    }

                    continue;
                }

                if (Str(f, "status").Equals("Suppressed", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

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
                if (f.TryGetProperty("unmapped", out var u) && u.ValueKind == JsonValueKind.Object && u.TryGetProperty("compliance", out var comp) && comp.ValueKind == JsonValueKind.Object)
                {
                    foreach (var fw in comp.EnumerateObject().Where(p => IsIsmsP(p.Name) && p.Value.ValueKind == JsonValueKind.Array))
                    {
                        foreach (var id in fw.Value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String))
                        {
                            AddControl(controls, id.GetString());
                        }
                    }
                }

                DateTime? time = Str(f, "time_dt") is { Length: > 0 } dt && DateTime.TryParse(dt, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t) ? t
                    : f.TryGetProperty("time", out var tt) && tt.ValueKind == JsonValueKind.Number && tt.TryGetInt64(out var unix) ? DateTimeOffset.FromUnixTimeSeconds(unix).UtcDateTime : null;
                list.Add(new ProwlerFinding(check, status == "PASS", resourceUid, region, provider, account, controls.ToList(), time));
            }

            return ("json-ocsf", list, null);
        }
    }

    private static (string? Format, List<ProwlerFinding>? Findings, ProwlerParseError? Error) ReadCsv(string text)
    {
        var rows = Csv.Parse(text, ';');
        if (rows.Count == 0)
        {
            return (null, null, new ProwlerParseError("The file is empty."));
        }

        var header = rows[0].Select(h => h.Trim().ToUpperInvariant()).ToList();
        int Col(string name) => header.IndexOf(name);
        var status = Col("STATUS");
        var check = Col("CHECK_ID");
        var compliance = Col("COMPLIANCE");
        if (status < 0 || check < 0 || compliance < 0)
        {
            return (null, null, new ProwlerParseError("Not Prowler CSV output: the header needs STATUS, CHECK_ID and COMPLIANCE columns (semicolon-separated, Prowler v4 or later)."));
        }

        int resource = Col("RESOURCE_UID"), resourceName = Col("RESOURCE_NAME"), region = Col("REGION"), provider = Col("PROVIDER"), account = Col("ACCOUNT_UID"), time = Col("TIMESTAMP"), muted = Col("MUTED");
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
            var s = V(status).ToUpperInvariant();
            if (s is not ("PASS" or "FAIL") || V(muted).Equals("True", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var controls = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var part in V(compliance).Split('|'))
            {
                var colon = part.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && IsIsmsP(part[..colon].Trim()))
                {
                    foreach (var id in part[(colon + 1)..].Split(','))
                    {
                        AddControl(controls, id);
                    }
                }
            }

            DateTime? t = DateTime.TryParse(V(time), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var tv) ? tv : null;
            list.Add(new ProwlerFinding(V(check), s == "PASS", First(V(resource), V(resourceName)), V(region), V(provider), V(account), controls.ToList(), t));
        }

        return ("csv", list, null);
    }

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

/// <summary>RFC 4180 fields with a chosen delimiter: quotes, doubled quotes, line breaks inside quotes.</summary>
internal static class Csv
{
    public static List<List<string>> Parse(string text, char delimiter)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (ch == delimiter)
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (ch is '\n' or '\r')
            {
                if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(ch);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }
}
