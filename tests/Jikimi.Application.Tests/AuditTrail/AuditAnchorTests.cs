using System.Text.Json.Nodes;
using Jikimi.Application.AuditTrail;
using Jikimi.Application.Data;
using Jikimi.TestSupport.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jikimi.Application.Tests.Scenario;

namespace Jikimi.Application.Tests.AuditTrail;

public class AuditAnchorTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static Task<AuditTrailReport> Verify(AppHarness app) => app.Run(null, sp => sp.GetRequiredService<VerifyAuditTrail>().Handle(default));

    private static Task<AnchorWritten?> Anchor(AppHarness app) => app.Run(null, sp => sp.GetRequiredService<AnchorAuditTrail>().Handle(default));

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Deleting_the_newest_events_fails_verify_naming_the_anchor(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await OrgWithAssessmentAsync(app);
        await Record(app, org, a.Id, "1.1.1-1", "fulfilled");
        await Record(app, org, a.Id, "1.1.1-2", "fulfilled");
        var written = await Anchor(app);
        Assert.NotNull(written);
        Assert.StartsWith(Path.Combine(app.Database.DataDirectory, "anchors"), written.Path, StringComparison.Ordinal);
        Assert.Null(await Anchor(app)); // nothing changed: no second file
        var intact = await Verify(app);
        Assert.True(intact.Intact, string.Join("; ", intact.Breaks.Select(b => b.Problem)));
        Assert.Equal((1, Path.GetFileName(written.Path)), (intact.Anchors, intact.LatestAnchor));

        await Record(app, org, a.Id, "1.1.2-1", "fulfilled"); // the chain may grow past an anchor
        Assert.True((await Verify(app)).Intact);

        // Cut the tail: the last two events (one of them anchored). The hash chain alone still verifies.
        var chain = org.OrganizationId.ToString();
        var top = await app.Run(null, sp => sp.GetRequiredService<JikimiDb>().AuditEvents.IgnoreQueryFilters().Where(e => e.Chain == chain).MaxAsync(e => e.Sequence));
        await app.Run(null, sp => sp.GetRequiredService<JikimiDb>().AuditEvents.IgnoreQueryFilters()
            .Where(e => e.Chain == chain && e.Sequence >= top - 1).ExecuteDeleteAsync());
        var report = await Verify(app);
        Assert.False(report.Intact);
        var broken = Assert.Single(report.Breaks);
        Assert.Equal((chain, top - 1), (broken.Chain, broken.Sequence));
        Assert.Contains("truncated", broken.Problem, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(written.Path), broken.Problem, StringComparison.Ordinal);
        Assert.Contains($"recorded #{top - 1}", broken.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task An_anchored_event_rewritten_with_a_fresh_chain_fails_verify(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await OrgWithAssessmentAsync(app);
        await Record(app, org, a.Id, "1.1.1-1", "fulfilled");
        var written = await Anchor(app);
        var chain = org.OrganizationId.ToString();
        var top = await app.Run(null, sp => sp.GetRequiredService<JikimiDb>().AuditEvents.IgnoreQueryFilters().Where(e => e.Chain == chain).MaxAsync(e => e.Sequence));

        // Replace the whole organization chain by a different, internally consistent one of the same length.
        await app.Run(null, sp => sp.GetRequiredService<JikimiDb>().AuditEvents.IgnoreQueryFilters().Where(e => e.Chain == chain).ExecuteDeleteAsync());
        await app.Run(null, async sp =>
        {
            var db = sp.GetRequiredService<JikimiDb>();
            var previous = Domain.AuditTrail.AuditEvent.Genesis(chain);
            for (var i = 1L; i <= top; i++)
            {
                var e = Domain.AuditTrail.AuditEvent.Create(chain, i, previous, org.OrganizationId, DateTime.UtcNow, null, "someone", "forged", "x", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "{}");
                db.AuditEvents.Add(e);
                previous = e.Hash;
            }

            return await db.SaveChangesAsync();
        });
        var broken = Assert.Single((await Verify(app)).Breaks);
        Assert.Equal((chain, top), (broken.Chain, broken.Sequence));
        Assert.Contains("hash changed", broken.Problem, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(written!.Path), broken.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task A_tampered_anchor_is_refused(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await OrgWithAssessmentAsync(app);
        await Record(app, org, a.Id, "1.1.1-1", "fulfilled");
        var written = (await Anchor(app))!;
        var original = await File.ReadAllTextAsync(written.Path);

        // A lower head under the old signature (what someone hiding a truncation would write) is refused.
        var json = JsonNode.Parse(original)!;
        var head = json["heads"]!.AsArray().First(h => (string?)h!["chain"] == org.OrganizationId.ToString())!;
        head["sequence"] = (long)head["sequence"]! - 1;
        await File.WriteAllTextAsync(written.Path, json.ToJsonString());
        var report = await Verify(app);
        Assert.False(report.Intact);
        var refused = Assert.Single(report.AnchorProblems);
        Assert.Equal(Path.GetFileName(written.Path), refused.File);
        Assert.Contains("signature does not hold", refused.Problem, StringComparison.Ordinal);
        Assert.Equal(0, report.Anchors);

        // A damaged signature is refused the same way.
        var sig = JsonNode.Parse(original)!;
        var s = (string)sig["signature"]!;
        sig["signature"] = (s[0] == 'A' ? "B" : "A") + s[1..];
        await File.WriteAllTextAsync(written.Path, sig.ToJsonString());
        Assert.Contains("signature does not hold", Assert.Single((await Verify(app)).AnchorProblems).Problem, StringComparison.Ordinal);

        // Signed by a key this installation never registered: refused.
        using var stranger = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var parsed = Domain.AuditTrail.AuditAnchor.Parse(original).Anchor!;
        var forged = Domain.AuditTrail.AuditAnchor.Sign(stranger, parsed.AnchoredAt, parsed.Heads);
        await File.WriteAllBytesAsync(written.Path, forged.ToJson());
        Assert.Contains("never registered", Assert.Single((await Verify(app)).AnchorProblems).Problem, StringComparison.Ordinal);

        // Not JSON at all: refused with the file's name.
        await File.WriteAllTextAsync(written.Path, "{ not json");
        Assert.Equal(Path.GetFileName(written.Path), Assert.Single((await Verify(app)).AnchorProblems).File);

        // The original bytes verify again.
        await File.WriteAllTextAsync(written.Path, original);
        Assert.True((await Verify(app)).Intact);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task The_key_is_registered_once_in_the_system_chain_and_can_be_pinned(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await OrgWithAssessmentAsync(app);
        await Anchor(app);
        await Record(app, org, a.Id, "1.1.1-1", "fulfilled");
        await Anchor(app);
        var registrations = await app.Run(null, sp => sp.GetRequiredService<JikimiDb>().AuditEvents.IgnoreQueryFilters()
            .Where(e => e.Action == AuditActions.AuditAnchorKeyCreated).Select(e => e.EntityId).ToListAsync());
        var keyId = Assert.Single(registrations);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(app.Database.DataDirectory, "anchors"), "audit-anchor-*.json").Length);
        Assert.Empty(Directory.GetFiles(Path.Combine(app.Database.DataDirectory, "anchors"), "*.tmp"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(app.Database.DataDirectory, "keys", "audit-anchor.key")));
        }

        await using var pinnedElsewhere = app.SecondNode(new Dictionary<string, string?> { ["AuditAnchors:TrustedKeyIds:0"] = new string('0', 64) });
        var report = await pinnedElsewhere.Run(null, sp => sp.GetRequiredService<VerifyAuditTrail>().Handle(default));
        Assert.Equal(2, report.AnchorProblems.Count);
        Assert.All(report.AnchorProblems, p => Assert.Contains("never registered", p.Problem, StringComparison.Ordinal));

        await using var pinnedRight = app.SecondNode(new Dictionary<string, string?> { ["AuditAnchors:TrustedKeyIds:0"] = keyId });
        Assert.True((await pinnedRight.Run(null, sp => sp.GetRequiredService<VerifyAuditTrail>().Handle(default))).Intact);
    }
}
