using System.Text.Json;
using Jikimi.Catalog;
using Jikimi.Catalog.Model;
using Jikimi.Domain.Common;
using Jikimi.Reports.Common;
using Jikimi.Reports.Oscal;
using Jikimi.TestSupport;
using Jikimi.TestSupport.Data;
using Json.Schema;
using static Jikimi.Reports.Tests.Reporting;

namespace Jikimi.Reports.Tests.Oscal;

/// <summary>Exports validated against the official OSCAL 1.0.4 JSON schemas kept in schemas/oscal (NIST, public domain).</summary>
public class OscalExportTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static readonly Lazy<JsonSchema> CatalogSchema = new(() => Load("oscal_catalog_schema.json"));
    private static readonly Lazy<JsonSchema> ResultsSchema = new(() => Load("oscal_assessment-results_schema.json"));

    private static JsonSchema Load(string file) =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoPaths.Root, "schemas", "oscal", file)), new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    private static void AssertValid(JsonSchema schema, byte[] json)
    {
        using var doc = JsonDocument.Parse(json);
        var result = schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key} {e.Value}")).Take(20).ToList();
        Assert.True(result.IsValid, "not valid OSCAL:\n" + string.Join("\n", errors));
    }

    [Theory]
    [InlineData(Language.Ko)]
    [InlineData(Language.En)]
    public void Catalog_export_is_valid_oscal_and_complete(Language lang)
    {
        var edition = CriteriaCatalog.Embedded[EditionId.IsmsP2023];
        var json = OscalCatalog.Export(edition, lang);
        AssertValid(CatalogSchema.Value, json);
        Assert.Equal(json, OscalCatalog.Export(edition, lang)); // deterministic
        using var doc = JsonDocument.Parse(json);
        var controls = doc.RootElement.GetProperty("catalog").GetProperty("groups").EnumerateArray()
            .SelectMany(d => d.GetProperty("groups").EnumerateArray()).SelectMany(s => s.GetProperty("controls").EnumerateArray()).ToList();
        Assert.Equal(101, controls.Count);
        Assert.Equal(328, controls.Sum(c => c.GetProperty("parts").EnumerateArray().Where(p => p.GetProperty("name").GetString() == "assessment-objective").Sum(p => p.GetProperty("parts").GetArrayLength())));
        var first = controls[0];
        Assert.Equal("ismsp-1.1.1", first.GetProperty("id").GetString());
        Assert.Equal(edition.Find("1.1.1")!.Title[lang], first.GetProperty("title").GetString());

        // The ISO crosswalk rides along as namespaced properties: relation in class, our rationale in remarks.
        var c251 = controls.Single(c => c.GetProperty("id").GetString() == "ismsp-2.5.1");
        var iso = c251.GetProperty("props").EnumerateArray().Where(p => p.GetProperty("name").GetString() == "iso-mapping").ToList();
        var p515 = iso.Single(p => p.GetProperty("value").GetString() == "iso27001-2022/5.15");
        Assert.Equal("intersects", p515.GetProperty("class").GetString());
        Assert.Equal(lang == Language.Ko ? "접근통제 정책은 계정 관리의 틀이 된다." : "The access-control policy frames account management.", p515.GetProperty("remarks").GetString());
        var mapped = controls.Sum(c => c.GetProperty("props").EnumerateArray().Count(p => p.GetProperty("name").GetString() == "iso-mapping"));
        Assert.Equal(CriteriaCatalog.Embedded.Mappings.Where(m => m.Target == EditionId.IsmsP2023).Sum(m => m.Pairs.Count), mapped);
    }

    [Fact]
    public void The_validator_rejects_what_the_schema_forbids()
    {
        // A control id starting with a digit breaks OSCAL's token pattern (\p{L} regex); a catalog without metadata misses a required field.
        var bad = """{"catalog":{"uuid":"6ba7b811-9dad-51d1-80b4-00c04fd430c8","metadata":{"title":"t","last-modified":"2026-01-01T00:00:00Z","version":"1","oscal-version":"1.0.4"},"controls":[{"id":"1.1.1","title":"x"}]}}"""u8.ToArray();
        using var doc = JsonDocument.Parse(bad);
        Assert.False(CatalogSchema.Value.Evaluate(doc.RootElement, new EvaluationOptions { RequireFormatValidation = true }).IsValid);
        using var doc2 = JsonDocument.Parse("""{"catalog":{"uuid":"6ba7b811-9dad-51d1-80b4-00c04fd430c8"}}""");
        Assert.False(CatalogSchema.Value.Evaluate(doc2.RootElement).IsValid);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Assessment_results_export_is_valid_oscal_with_a_finding_per_control(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await OrgWithAssessmentAsync(app);
        await UpdateStatementAsync(app, org, a.Id, "3.2.1", false, "수집하지 않음", null, null, null);
        await UpdateStatementAsync(app, org, a.Id, "1.1.1", true, null, "위원회 운영", null, null);
        await app.Run(org.OrganizationId, async sp =>
        {
            foreach (var item in new[] { "1.1.1-1", "1.1.1-2" })
            {
                var get = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Application.Assessments.GetControl>(sp);
                var version = Ok(await get.Handle(org, a.Id, "1.1.1", default)).CheckItems.Single(i => i.CheckItemId == item).Version;
                var record = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Application.Assessments.RecordCheckItem>(sp);
                Ok(await record.Handle(org, a.Id, item, new Application.Assessments.RecordCheckItemRequest("fulfilled", null, "확인함", version), default));
            }

            return 0;
        });
        var file = Ok(await Use<ExportOscalResults, Result<ReportFile>>(app, org, h => h.Handle(org, a.Id, Language.Ko, default)));
        AssertValid(ResultsSchema.Value, file.Content);
        using var doc = JsonDocument.Parse(file.Content);
        var result = doc.RootElement.GetProperty("assessment-results").GetProperty("results")[0];
        var findings = result.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(2, findings.Count); // 1.1.1 fulfilled and 3.2.1 not applicable; the controls not yet assessed have no finding
        Assert.Equal(a.Controls, result.GetProperty("reviewed-controls").GetProperty("control-selections")[0].GetProperty("include-controls").GetArrayLength());
        Assert.DoesNotContain(findings, f => f.GetProperty("target").GetProperty("status").GetProperty("state").GetString() == "not-satisfied");
        var f111 = findings.Single(f => f.GetProperty("target").GetProperty("target-id").GetString() == "ismsp-1.1.1_obj");
        Assert.Equal("satisfied", f111.GetProperty("target").GetProperty("status").GetProperty("state").GetString());
        Assert.Equal("위원회 운영", f111.GetProperty("description").GetString());
        Assert.Equal(2, f111.GetProperty("related-observations").GetArrayLength());
        var f321 = findings.Single(f => f.GetProperty("target").GetProperty("target-id").GetString() == "ismsp-3.2.1_obj");
        Assert.Equal("not-applicable", f321.GetProperty("target").GetProperty("implementation-status").GetProperty("state").GetString());
        Assert.Equal("satisfied", f321.GetProperty("target").GetProperty("status").GetProperty("state").GetString());
        Assert.Equal("수집하지 않음", f321.GetProperty("remarks").GetString());
        Assert.Equal(2, result.GetProperty("observations").GetArrayLength());

        // import-ap and reviewed-controls point at back-matter resources: the plan, and the catalog file by its export name.
        var ar = doc.RootElement.GetProperty("assessment-results");
        var resources = ar.GetProperty("back-matter").GetProperty("resources").EnumerateArray().ToDictionary(r => "#" + r.GetProperty("uuid").GetString());
        var plan = resources[ar.GetProperty("import-ap").GetProperty("href").GetString()!];
        Assert.Equal("plan", plan.GetProperty("props")[0].GetProperty("value").GetString());
        var catalog = resources[result.GetProperty("reviewed-controls").GetProperty("links")[0].GetProperty("href").GetString()!];
        Assert.Equal("oscal-catalog-isms-p-2023.json", catalog.GetProperty("rlinks")[0].GetProperty("href").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Failed_controls_are_not_satisfied_and_prowler_evidence_appears_as_observations(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await OrgWithAssessmentAsync(app);
        await app.Run(org.OrganizationId, async sp =>
        {
            var get = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Application.Assessments.GetControl>(sp);
            var record = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Application.Assessments.RecordCheckItem>(sp);
            foreach (var item in Ok(await get.Handle(org, a.Id, "2.9.4", default)).CheckItems)
            {
                Ok(await record.Handle(org, a.Id, item.CheckItemId, new Application.Assessments.RecordCheckItemRequest("not-fulfilled", null, "미흡", item.Version), default));
            }

            return 0;
        });
        var prowler = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "prowler", "prowler-ocsf.json"));
        var imported = Ok(await Use<Jikimi.Application.Automation.Prowler.ImportProwler, Result<Jikimi.Application.Automation.Prowler.ProwlerImportReport>>(app, org, h => h.Handle(org, a.Id, new MemoryStream(prowler), default)));

        var file = Ok(await Use<ExportOscalResults, Result<ReportFile>>(app, org, h => h.Handle(org, a.Id, Language.En, default)));
        AssertValid(ResultsSchema.Value, file.Content);
        using var doc = JsonDocument.Parse(file.Content);
        var result = doc.RootElement.GetProperty("assessment-results").GetProperty("results")[0];
        var observation = Assert.Single(result.GetProperty("observations").EnumerateArray(), o => o.GetProperty("props").EnumerateArray().Any(p => p.GetProperty("value").GetString() == "prowler"));
        Assert.Equal(["TEST"], observation.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Contains(imported.EvidenceId!.Value.ToString(), observation.GetProperty("relevant-evidence")[0].GetProperty("href").GetString(), StringComparison.Ordinal);

        var f294 = Assert.Single(result.GetProperty("findings").EnumerateArray());
        Assert.Equal("ismsp-2.9.4_obj", f294.GetProperty("target").GetProperty("target-id").GetString());
        Assert.Equal(("not-satisfied", "fail"), (f294.GetProperty("target").GetProperty("status").GetProperty("state").GetString(), f294.GetProperty("target").GetProperty("status").GetProperty("reason").GetString()));
        Assert.Contains(f294.GetProperty("related-observations").EnumerateArray(), r => r.GetProperty("observation-uuid").GetString() == observation.GetProperty("uuid").GetString());
    }
}
