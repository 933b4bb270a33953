using System.Security.Cryptography;
using System.Text.Json;
using Jikimi.Catalog.Model;

namespace Jikimi.Catalog.Prowler;

/// <summary>
/// Reads a user's own copy of Prowler's ISMS-P compliance JSON (Korean or English) and builds an
/// <see cref="OfficialWordingLayer"/> over the 2023 edition. A file that is not such a file, or that matches no
/// control, is rejected whole: the caller stores nothing when <see cref="ProwlerImportReport.Succeeded"/> is false.
/// </summary>
public static class ProwlerImporter
{
    /// <summary>Prowler's files are about 350 KB; anything far larger is not one of them.</summary>
    public const long MaxBytes = 16L * 1024 * 1024;

    public static (OfficialWordingLayer? Layer, ProwlerImportReport Report) Import(byte[] content, string fileName, Edition edition, TimeProvider clock)
    {
        var report = new ProwlerImportReport();
        if (content.LongLength > MaxBytes)
        {
            report.Errors.Add($"file is {content.LongLength:N0} bytes; a Prowler compliance file is far below the {MaxBytes:N0}-byte limit");
            return (null, report);
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(content);
        }
        catch (JsonException ex)
        {
            report.Errors.Add($"not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})");
            return (null, report);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("Requirements", out var reqs) || reqs.ValueKind != JsonValueKind.Array)
            {
                report.Errors.Add("not a Prowler compliance file: no 'Requirements' array at the top level");
                return (null, report);
            }

            var framework = Str(root, "Framework");
            if (!framework.Contains("ISMS", StringComparison.OrdinalIgnoreCase))
            {
                report.Errors.Add($"framework is '{framework}', not ISMS-P");
                return (null, report);
            }

            var controls = new Dictionary<string, OfficialWording>(StringComparer.Ordinal);
            var index = 0;
            foreach (var req in reqs.EnumerateArray())
            {
                index++;
                ReadRequirement(req, index, edition, controls, report);
            }

            if (report.Errors.Count > 0)
            {
                return (null, report);
            }

            foreach (var c in edition.Controls.Where(c => !controls.ContainsKey(c.Id)))
            {
                report.Missing.Add(c.Id);
            }

            report.Matched = controls.Count;
            report.AwsChecks = controls.Values.SelectMany(c => c.AwsChecks).Distinct(StringComparer.Ordinal).Count();
            if (controls.Count == 0)
            {
                report.Errors.Add("no requirement matched a 2023 control id");
                return (null, report);
            }

            var language = DetectLanguage(controls.Values);
            var layer = new OfficialWordingLayer(
                Source: "prowler",
                Framework: framework,
                Version: Str(root, "Version"),
                Provider: Str(root, "Provider"),
                Language: language,
                FileName: Path.GetFileName(fileName),
                Sha256: Convert.ToHexStringLower(SHA256.HashData(content)),
                ImportedAt: clock.GetUtcNow(),
                Controls: controls);
            return (layer, report);
        }
    }

    private static void ReadRequirement(JsonElement req, int index, Edition edition, Dictionary<string, OfficialWording> controls, ProwlerImportReport report)
    {
        if (req.ValueKind != JsonValueKind.Object || !req.TryGetProperty("Id", out var idEl) || idEl.ValueKind != JsonValueKind.String)
        {
            report.Errors.Add($"requirement #{index} has no string 'Id'");
            return;
        }

        var rawId = idEl.GetString()!;
        var id = rawId.Trim();
        if (id != rawId)
        {
            report.Normalized.Add($"'{rawId}' → {id} (white space around the id)");
        }

        var control = edition.Find(id);
        if (control is null)
        {
            report.Unknown.Add(rawId);
            return;
        }

        if (controls.ContainsKey(id))
        {
            report.Duplicates.Add(id);
            return;
        }

        var attrs = req.TryGetProperty("Attributes", out var a) && a.ValueKind == JsonValueKind.Array && a.GetArrayLength() > 0 ? a[0] : default;
        if (attrs.ValueKind != JsonValueKind.Object)
        {
            report.Errors.Add($"requirement {id} has no 'Attributes' object");
            return;
        }

        var checklist = List(attrs, "AuditChecklist");
        if (checklist.Count != control.CheckItemCount)
        {
            report.CountMismatches.Add($"{id}: {checklist.Count} check items in the file, {control.CheckItemCount} in the catalog");
        }

        controls[id] = new OfficialWording(
            id,
            Str(req, "Name").Trim(),
            Str(req, "Description").Trim(),
            checklist,
            List(attrs, "AuditEvidence"),
            List(attrs, "NonComplianceCases"),
            List(attrs, "RelatedRegulations"),
            List(req, "Checks"));
    }

    private static Language DetectLanguage(IEnumerable<OfficialWording> wordings)
    {
        var text = string.Concat(wordings.Select(w => w.Name + w.Description));
        var hangul = text.Count(ch => ch is >= '\uAC00' and <= '\uD7A3');
        return hangul * 4 > text.Length ? Language.Ko : Language.En;
    }

    private static string Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : string.Empty;

    private static IReadOnlyList<string> List(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!.Trim()).Where(s => s.Length > 0).ToArray()
            : [];
}
