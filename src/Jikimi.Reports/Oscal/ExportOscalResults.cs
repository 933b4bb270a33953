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
        var automated = await AutomatedEvidenceAsync(assessmentId, ct);
        foreach (var (uuid, observation, _) in automated.Values.DistinctBy(x => x.Uuid).OrderBy(x => x.Uuid, StringComparer.Ordinal))
        {
            observations.Add(observation);
        }

        foreach (var c in controls)
        {
            var control = edition.Find(c.ControlId);
            var id = OscalIds.Control(c.ControlId);
            selected.Add(new JsonObject { ["control-id"] = id });
            var own = items[c.Id].OrderBy(i => i.Number).ToList();
            var related = new JsonArray();
            foreach (var auto in automated.Values.Where(x => x.Controls.Contains(c.Id)).Select(x => x.Uuid).Distinct().Order(StringComparer.Ordinal))
            {
                related.Add(new JsonObject { ["observation-uuid"] = auto });
            }

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
            if (result == CheckResult.Unassessed)
            {
                // Not assessed yet: OSCAL's objective status is only satisfied or not-satisfied, so no finding is made
                // (the control stays in reviewed-controls); see ADR 0026.
                continue;
            }

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
                    ["status"] = result switch
                    {
                        CheckResult.Fulfilled => new JsonObject { ["state"] = "satisfied", ["reason"] = "pass" },

                        // Not applicable is no deficiency: "satisfied" for the objective, "not-applicable" as the implementation state.
                        CheckResult.NotApplicable => new JsonObject
                        {
                            ["state"] = "satisfied",
                            ["reason"] = "other",
                            ["remarks"] = lang == Language.Ko ? "해당 없음 (not applicable)" : "Not applicable",
                        },
                        _ => new JsonObject { ["state"] = "not-satisfied", ["reason"] = "fail" },
                    },
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

        // The catalog and the plan are back-matter resources that import-ap and reviewed-controls point at by "#uuid".
        var catalogResource = OscalIds.V5($"jikimi:catalog:{edition.Id.Value}").ToString();
        var planResource = OscalIds.V5($"jikimi:assessment-plan:{assessment.Id}").ToString();
        var resultObject = new JsonObject
        {
            ["uuid"] = OscalIds.V5($"jikimi:result:{assessment.Id}").ToString(),
            ["title"] = assessment.Title,
            ["description"] = $"{org} — {edition.Name[lang]} ({assessment.Year})",
            ["start"] = OscalIds.Time(assessment.CreatedAt),
            ["end"] = OscalIds.Time(now),
            ["reviewed-controls"] = new JsonObject
            {
                ["links"] = new JsonArray(new JsonObject { ["href"] = "#" + catalogResource, ["rel"] = "reference", ["text"] = edition.Name[lang] }),
                ["control-selections"] = new JsonArray(new JsonObject { ["include-controls"] = selected }),
            },
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
                    ["href"] = "#" + planResource,
                    ["remarks"] = "Jikimi keeps no separate OSCAL assessment plan: the plan is this assessment against the criteria catalog named in back-matter.",
                },
                ["results"] = new JsonArray(resultObject),
                ["back-matter"] = new JsonObject
                {
                    ["resources"] = new JsonArray(
                        new JsonObject
                        {
                            ["uuid"] = planResource,
                            ["title"] = $"{assessment.Title} — {edition.Name[lang]}",
                            ["description"] = lang == Language.Ko
                                ? $"평가 계획: {org}의 {assessment.Year}년 평가를 {edition.Name[lang]} 기준으로 수행합니다."
                                : $"Assessment plan: {org}'s {assessment.Year} assessment against {edition.Name[lang]}.",
                            ["props"] = new JsonArray(new JsonObject { ["name"] = "type", ["value"] = "plan" }),
                            ["rlinks"] = new JsonArray(new JsonObject { ["href"] = $"urn:jikimi:assessment:{assessment.Id}" }),
                        },
                        new JsonObject
                        {
                            ["uuid"] = catalogResource,
                            ["title"] = edition.Name[lang],
                            ["description"] = lang == Language.Ko
                                ? "평가 대상 기준의 OSCAL 카탈로그 (jikimi report oscal-catalog, API …/oscal/catalog)."
                                : "The OSCAL catalog of the criteria assessed (jikimi report oscal-catalog, API …/oscal/catalog).",
                            ["props"] = new JsonArray(new JsonObject { ["name"] = "type", ["value"] = "standard" }),
                            ["rlinks"] = new JsonArray(new JsonObject { ["href"] = $"oscal-catalog-{edition.Id.Value}.json", ["media-type"] = "application/oscal.catalog+json" }),
                        }),
                },
            },
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(doc, OscalCatalog.Json);
        return new ReportFile(bytes, ReportFile.Json, $"oscal-assessment-results-{assessment.Year}-{assessment.Edition}.json");
    }

    /// <summary>
    /// Automated evidence (any source but a manual upload: Prowler, and later others) linked to the assessment's
    /// controls, as one observation per evidence item (its current version), keyed by evidence id with the linked
    /// control assessments.
    /// </summary>
    private async Task<Dictionary<Guid, (string Uuid, JsonObject Observation, HashSet<Guid> Controls)>> AutomatedEvidenceAsync(Guid assessmentId, CancellationToken ct)
    {
        var links = await db.EvidenceLinks.AsNoTracking()
            .Join(db.ControlAssessments.Where(c => c.AssessmentId == assessmentId), l => l.ControlAssessmentId, c => c.Id, (l, c) => new { l.EvidenceId, l.ControlAssessmentId })
            .Join(db.Evidence.Where(e => e.Source != "upload" && e.DeletedAt == null), x => x.EvidenceId, e => e.Id, (x, e) => new { x.EvidenceId, x.ControlAssessmentId, e.Title, e.Description, e.Source, e.CurrentVersion })
            .ToListAsync(ct);
        var ids = links.Select(l => l.EvidenceId).Distinct().ToList();
        var versions = (await db.EvidenceVersions.AsNoTracking().Where(v => ids.Contains(v.EvidenceId)).ToListAsync(ct))
            .GroupBy(v => v.EvidenceId).ToDictionary(g => g.Key, g => g.OrderByDescending(v => v.Number).First());
        var result = new Dictionary<Guid, (string, JsonObject, HashSet<Guid>)>();
        foreach (var g in links.GroupBy(l => l.EvidenceId))
        {
            var e = g.First();
            var version = versions.GetValueOrDefault(g.Key);
            var uuid = OscalIds.V5($"jikimi:evidence:{g.Key}:{version?.Number ?? e.CurrentVersion}").ToString();
            var observation = new JsonObject
            {
                ["uuid"] = uuid,
                ["title"] = e.Title,
                ["description"] = string.IsNullOrWhiteSpace(e.Description) ? e.Title : e.Description,
                ["props"] = new JsonArray(OscalCatalog.Custom("evidence-source", e.Source), OscalCatalog.Custom("evidence-id", g.Key.ToString())),
                ["methods"] = new JsonArray("TEST"),
                ["types"] = new JsonArray("finding"),
                ["collected"] = OscalIds.Time(version?.UploadedAt ?? DateTime.UnixEpoch),
            };
            if (version is not null)
            {
                observation["relevant-evidence"] = new JsonArray(new JsonObject
                {
                    ["href"] = $"urn:jikimi:evidence:{g.Key}:v{version.Number}",
                    ["description"] = $"{version.FileName} (SHA-256 {version.Sha256})",
                });
            }

            result[g.Key] = (uuid, observation, g.Select(x => x.ControlAssessmentId).ToHashSet());
        }

        return result;
    }
}
