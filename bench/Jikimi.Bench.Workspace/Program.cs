// Seeds N organizations, each with a full ISMS-P 2023 assessment (101 controls, 328 check items, results spread
// over all values) and E evidence records (one version each, linked to controls), plus one administrator API token
// per organization. Writes "orgId assessmentId token" lines for the load generator.
using System.Diagnostics;
using Jikimi.Application.Data;
using Jikimi.Catalog;
using Jikimi.Catalog.Model;
using Jikimi.Domain.Access;
using Jikimi.Domain.Assessments;
using Jikimi.Domain.Evidence;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Scope;
using Jikimi.Persistence.Postgres;
using Jikimi.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;

string Arg(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
var provider = Arg("--provider", "sqlite");
var dataDir = Arg("--data-dir", "./bench-data");
var connection = Arg("--connection", SqliteDatabase.ConnectionStringFor(dataDir));
var orgs = int.Parse(Arg("--orgs", "1000"), System.Globalization.CultureInfo.InvariantCulture);
var evidencePerOrg = int.Parse(Arg("--evidence", "100"), System.Globalization.CultureInfo.InvariantCulture);
var targets = Arg("--targets", Path.Combine(dataDir, "targets.txt"));
Directory.CreateDirectory(dataDir);

DbContextOptions<JikimiDb> Options()
{
    var b = new DbContextOptionsBuilder<JikimiDb>();
    if (provider == "postgres")
    {
        PostgresDatabase.Configure(b, connection);
    }
    else
    {
        SqliteDatabase.Configure(b, connection);
    }

    return b.Options;
}

var sw = Stopwatch.StartNew();
await using (var db = new JikimiDb(Options()))
{
    await db.Database.EnsureDeletedAsync();
    await db.Database.MigrateAsync();
}

var now = DateTime.UtcNow;
var edition = CriteriaCatalog.Embedded[EditionId.IsmsP2023];
var userId = Guid.NewGuid();
await using (var db = new JikimiDb(Options()))
{
    db.Users.Add(new JikimiUser { Id = userId, UserName = "bench@jikimi.local", NormalizedUserName = "BENCH@JIKIMI.LOCAL", Email = "bench@jikimi.local", NormalizedEmail = "BENCH@JIKIMI.LOCAL", DisplayName = "Bench", IsSystemAdministrator = true, CreatedAt = now, SecurityStamp = Guid.NewGuid().ToString() });
    await db.SaveChangesAsync();
}

var rng = new Random(42);
var results = new[] { CheckResult.Fulfilled, CheckResult.Fulfilled, CheckResult.Fulfilled, CheckResult.Partial, CheckResult.NotFulfilled, CheckResult.Unassessed };
var lines = new List<string>();
var blob = Sha256Hash.FromBytes(System.Security.Cryptography.SHA256.HashData("bench"u8));
for (var o = 0; o < orgs; o++)
{
    await using var db = new JikimiDb(Options());
    db.ChangeTracker.AutoDetectChangesEnabled = false;
    var org = Organization.Create($"벤치 조직 {o:D4}", now).Value!;
    db.Organizations.Add(org);
    db.Memberships.Add(Membership.Create(org.Id, userId, Role.Administrator, now));
    db.Scopes.Add(CertificationScope.CreateDefault(org.Id, now));
    var assessment = Assessment.Create(org.Id, 2026, EditionId.IsmsP2023, Certification.IsmsP, null, null, now).Value!;
    db.Assessments.Add(assessment);
    var controls = new List<ControlAssessment>();
    var position = 0;
    foreach (var c in edition.Controls)
    {
        var ca = ControlAssessment.Create(org.Id, assessment.Id, c.Id, c.DomainId, c.SubdomainId, position++, now);
        ca.SetStatus((WorkflowStatus)rng.Next(4), now);
        ca.Assign(userId, DateOnly.FromDateTime(now).AddDays(rng.Next(-30, 120)), now);
        controls.Add(ca);
        db.ControlAssessments.Add(ca);
        foreach (var item in c.CheckItems)
        {
            var ci = CheckItemAssessment.Create(ca, item.Id, item.Number, now);
            ci.Record(results[rng.Next(results.Length)], null, null, now);
            db.CheckItemAssessments.Add(ci);
        }
    }

    for (var e = 0; e < evidencePerOrg; e++)
    {
        var ev = EvidenceItem.Create(org.Id, $"증적 {e:D3}", null, 365, "upload", userId, now).Value!;
        db.Evidence.Add(ev);
        db.EvidenceVersions.Add(ev.AddVersion($"evidence-{e}.pdf", "application/pdf", 5, blob, DateOnly.FromDateTime(now).AddDays(-rng.Next(400)), userId, now));
        db.EvidenceLinks.Add(EvidenceLink.Create(ev, controls[rng.Next(controls.Count)].Id, null, now));
    }

    var (token, secret) = ApiToken.Create(org.Id, userId, "bench", Role.Administrator, now.AddDays(30), now).Value;
    db.ApiTokens.Add(token);
    await db.SaveChangesAsync();
    lines.Add($"{org.Id} {assessment.Id} {secret}");
    if ((o + 1) % 100 == 0)
    {
        Console.Error.WriteLine($"  seeded {o + 1}/{orgs} organizations ({sw.Elapsed.TotalSeconds:F0} s)");
    }
}

await File.WriteAllLinesAsync(targets, lines);
Console.WriteLine($"seeded {orgs} organizations × (101 controls, 328 check items, {evidencePerOrg} evidence) on {provider} in {sw.Elapsed.TotalSeconds:F0} s → {targets}");
