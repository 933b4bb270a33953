using System.Text.Json;
using System.Text.Json.Nodes;
using Jikimi.Application.Assessments;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Catalog.Model;
using Jikimi.Domain.Assessments;
using Jikimi.Domain.Common;
using Jikimi.Reports.Common;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Reports.Oscal;

/// <summary>
/// An assessment as OSCAL 1.0.4 assessment results (JSON): one result with the reviewed controls, an observation per
/// assessed check item and a finding per control (satisfied only when every applicable check item is fulfilled;
/// implementation state from the derived control result). Control ids match <see cref="OscalCatalog"/>.
/// </summary>
public sealed class ExportOscalResults(JikimiDb db, TimeProvider clock)
{
    public async Task<Result<ReportFile>> Handle(OrgAccess access, Guid assessmentId, Language lang, CancellationToken ct)
    {
        var assessment = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assessmentId, ct);
        if (assessment is null)
        {
            return new NotFound("assessment", assessmentId.ToString());
        }

        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == access.OrganizationId).Select(o => o.Name).FirstAsync(ct);
        var edition = EditionId.TryParse(assessment.Edition, out var eid) ? Catalog.CriteriaCatalog.Embedded[eid] : Catalog.CriteriaCatalog.Embedded[EditionId.IsmsP2023];
        var controls = await db.ControlAssessments.AsNoTracking().Where(c => c.AssessmentId == assessmentId).OrderBy(c => c.Position).ToListAsync(ct);
        var items = (await db.CheckItemAssessments.AsNoTracking().Where(i => i.AssessmentId == assessmentId).ToListAsync(ct)).ToLookup(i => i.ControlAssessmentId);
        var now = clock.GetUtcNow().UtcDateTime;
        var observations = new JsonArray();
        var findings = new JsonArray();
        var selected = new JsonArray();
        foreach (var c in controls)
        {
            var control = edition.Find(c.ControlId);
            var id = OscalIds.Control(c.ControlId);
            selected.Add(new JsonObject { ["control-id"] = id });
            var own = items[c.Id].OrderBy(i => i.Number).ToList();
            var related = new JsonArray();
            foreach (var i in own.Where(i => i.Result != CheckResult.Unassessed))
            {
                var uuid = OscalIds.V5($"jikimi:observation:{i.Id}:{i.Version}");
                related.Add(new JsonObject { ["observation-uuid"] = uuid.ToString() });
                var text = control?.CheckItems.FirstOrDefault(x => x.Id == i.CheckItemId)?.Text[lang] ?? i.CheckItemId;
                var observation = new JsonObject
                {
                    ["uuid"] = uuid.ToString(),
                    ["title"] = i.CheckItemId,
                    ["description"] = text,
                    ["props"] = new JsonArray(OscalCatalog.Custom("check-item", i.CheckItemId), OscalCatalog.Custom("result", i.Result.ToWire())),
                    ["methods"] = new JsonArray("EXAMINE", "INTERVIEW"),
                    ["collected"] = OscalIds.Time(i.UpdatedAt),
                };
                var remarks = string.Join("\n", new[] { i.NotApplicableReason, i.Note }.Where(x => !string.IsNullOrWhiteSpace(x)));
                if (remarks.Length > 0)
                {
                    observation["remarks"] = remarks;
                }

                observations.Add(observation);
            }

            var counts = new ResultCounts(
                own.Count(i => i.Result == CheckResult.Fulfilled),
                own.Count(i => i.Result == CheckResult.Partial),
                own.Count(i => i.Result == CheckResult.NotFulfilled),
                own.Count(i => i.Result == CheckResult.NotApplicable),
                own.Count(i => i.Result == CheckResult.Unassessed));
            var result = ControlResult.Derive(c.Applicable, counts);
            var finding = new JsonObject
            {
                ["uuid"] = OscalIds.V5($"jikimi:finding:{c.Id}:{c.Version}:{string.Join(',', own.Select(i => i.Version))}").ToString(),
                ["title"] = $"{c.ControlId} {control?.Title[lang] ?? string.Empty}".Trim(),
                ["description"] = c.OperationStatus ?? (lang == Language.Ko ? "운영현황이 기록되지 않았습니다." : "No operating status recorded."),
                ["props"] = new JsonArray(OscalCatalog.Custom("result", result.ToWire())),
                ["target"] = new JsonObject
                {
                    ["type"] = "objective-id",
                    ["target-id"] = id + "_obj",
                    ["status"] = new JsonObject { ["state"] = result == CheckResult.Fulfilled ? "satisfied" : "not-satisfied" },
                    ["implementation-status"] = new JsonObject
                    {
                        ["state"] = result switch
                        {
                            CheckResult.Fulfilled => "implemented",
                            CheckResult.Partial => "partial",
                            CheckResult.NotApplicable => "not-applicable",
                            _ => "planned",
                        },
                    },
                },
            };
            if (!c.Applicable && c.NotApplicableReason is { } reason)
            {
                finding["remarks"] = reason;
            }

            if (related.Count > 0)
            {
                finding["related-observations"] = related;
            }

            findings.Add(finding);
        }

        var resultObject = new JsonObject
        {
            ["uuid"] = OscalIds.V5($"jikimi:result:{assessment.Id}").ToString(),
            ["title"] = assessment.Title,
            ["description"] = $"{org} — {edition.Name[lang]} ({assessment.Year})",
            ["start"] = OscalIds.Time(assessment.CreatedAt),
            ["end"] = OscalIds.Time(now),
            ["reviewed-controls"] = new JsonObject { ["control-selections"] = new JsonArray(new JsonObject { ["include-controls"] = selected }) },
        };
        if (observations.Count > 0)
        {
            resultObject["observations"] = observations;
        }

        if (findings.Count > 0)
        {
            resultObject["findings"] = findings;
        }

        var doc = new JsonObject
        {
            ["assessment-results"] = new JsonObject
            {
                ["uuid"] = Guid.NewGuid().ToString(),
                ["metadata"] = new JsonObject
                {
                    ["title"] = $"{org} — {assessment.Title}",
                    ["last-modified"] = OscalIds.Time(now),
                    ["version"] = OscalIds.Time(now),
                    ["oscal-version"] = OscalIds.OscalVersion,
                },
                ["import-ap"] = new JsonObject
                {
                    ["href"] = $"urn:jikimi:assessment:{assessment.Id}",
                    ["remarks"] = "Jikimi keeps no OSCAL assessment plan; the plan is the ISMS-P criteria edition named in the description (see the OSCAL catalog export).",
                },
                ["results"] = new JsonArray(resultObject),
            },
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(doc, OscalCatalog.Json);
        return new ReportFile(bytes, ReportFile.Json, $"oscal-assessment-results-{assessment.Year}-{assessment.Edition}.json");
    }
}
