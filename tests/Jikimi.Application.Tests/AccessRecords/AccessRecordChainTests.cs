using System.IO.Compression;
using System.Text;
using System.Text.Json;
using DuckDB.NET.Data;
using Jikimi.Application.AccessRecords;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.AccessRecords;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.TestSupport.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jikimi.Application.Tests.Scenario;

namespace Jikimi.Application.Tests.AccessRecords;

public class AccessRecordChainTests
{
    private const string Header = "user_id,access_dt,ip,cust_no,job\n";

    private static Task<T> Use<T>(AppHarness app, OrgAccess who, Func<IServiceProvider, Task<T>> work) => app.Run(who.OrganizationId, work);

    /// <summary>One line per day: 2026-11-0N 10:00 KST, account u{N}, subject C{N:D6}.</summary>
    private static string Days(params int[] days) =>
        Header + string.Concat(days.Select(d => $"u{d},2026-11-{d:D2} 10:00:00,10.0.0.{d},C{d:D6},R01\n"));

    private static async Task<Guid> SystemAsync(AppHarness app, OrgAccess admin, string name)
    {
        var s = Ok(await Use(app, admin, sp => sp.GetRequiredService<RegisterProcessingSystem>().Handle(admin, new ProcessingSystemRequest(name, null, 1_000, false, false, false, null, null, null), default)));
        var mapping = JsonDocument.Parse("""{"account":"user_id","time":"access_dt","source":"ip","subject":"cust_no","action":"job","actions":{"R01":"view","D09":"download"}}""").RootElement;
        Ok(await Use(app, admin, sp => sp.GetRequiredService<SetAccessLogFormat>().Handle(admin, s.Id, new SetAccessLogFormatRequest("csv", mapping, null), default)));
        return s.Id;
    }

    private static Task<Result<IngestView>> IngestAsync(AppHarness app, OrgAccess who, Guid system, string csv) =>
        Use(app, who, sp => sp.GetRequiredService<IngestAccessRecords>().Handle(who, system, new MemoryStream(Encoding.UTF8.GetBytes(csv)), "access.csv", default));

    private static Task<Result<VerifyView>> VerifyAsync(AppHarness app, OrgAccess who, Guid system) =>
        Use(app, who, sp => sp.GetRequiredService<VerifyAccessRecords>().Handle(who, system, default));

    private static string Root(AppHarness app) => Path.Combine(app.Database.DataDirectory, "access-records");

    private static Task<List<AccessRecordSegment>> SegmentsAsync(AppHarness app, OrgAccess who, Guid system) =>
        Use(app, who, sp => sp.GetRequiredService<JikimiDb>().Set<AccessRecordSegment>().AsNoTracking().Where(s => s.SystemId == system).OrderBy(s => s.Sequence).ToListAsync());

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task An_ingest_keeps_one_parquet_segment_per_day_with_hashed_subjects_the_raw_input_and_a_signed_chain(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (admin, _) = await OrgWithAssessmentAsync(app);
        var viewer = await app.AddMemberAsync(admin, await app.CreateUserAsync("v@a.kr", "열람자"), Role.Viewer);
        var crm = await SystemAsync(app, admin, "고객관리");
        var csv = Days(2, 1, 2) + "u9,2026-11-01 23:30:00,,,D09\n"; // last line: no source, no subject

        Fails<IngestView, Forbidden>(await IngestAsync(app, viewer, crm, csv));
        var first = Ok(await IngestAsync(app, admin, crm, csv));
        Assert.Equal(4, first.Records);
        Assert.Equal((1L, 1L, 0L), (first.MissingByField["source"], first.MissingByField["subject"], first.MissingByField["account"]));
        Assert.Equal([(1L, new DateOnly(2026, 11, 1), 2L), (2L, new DateOnly(2026, 11, 2), 2L)], first.Segments.Select(s => (s.Sequence, s.Day, s.Records)));

        var rows = await SegmentsAsync(app, admin, crm);
        Assert.Equal(AccessRecordSegment.Genesis, rows[0].PreviousHash);
        Assert.Equal(rows[0].ChainHash, rows[1].PreviousHash);
        Assert.Equal(rows[0].RawPath, rows[1].RawPath);

        // The raw input comes back byte for byte; the Parquet file holds a keyed hash and a mask, never the subject.
        await using (var gz = new GZipStream(File.OpenRead(Path.Combine(Root(app), rows[0].RawPath)), CompressionMode.Decompress))
        using (var text = new StreamReader(gz))
        {
            Assert.Equal(csv, await text.ReadToEndAsync());
        }

        var parquet = Path.Combine(Root(app), rows[1].Path);
        Assert.DoesNotContain("C000002", Encoding.Latin1.GetString(await File.ReadAllBytesAsync(parquet)), StringComparison.Ordinal);
        using (var duck = new DuckDBConnection("Data Source=:memory:"))
        {
            duck.Open();
            using var cmd = duck.CreateCommand();
            cmd.CommandText = $"SELECT count(*), min(subject_masked), min(length(subject_hash)), min(action), min(account) FROM read_parquet('{parquet}')";
            using var r = cmd.ExecuteReader();
            Assert.True(r.Read());
            Assert.Equal((2L, "C*****2", 64L, "view", "u2"), (r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.GetString(3), r.GetString(4)));
        }

        Assert.True(Ok(await VerifyAsync(app, viewer, crm)).Intact);
        var second = Ok(await IngestAsync(app, admin, crm, Days(3)));
        Assert.Equal(3, second.Segments.Single().Sequence);
        var verified = Ok(await VerifyAsync(app, viewer, crm));
        Assert.True(verified.Intact, verified.Problem?.Detail);
        Assert.Equal((3L, 3L), (verified.Segments, verified.HeadSequence!.Value));

        var trail = await Use(app, admin, sp => sp.GetRequiredService<JikimiDb>().AuditEvents.Where(e => e.Action == "access_records.ingested").Select(e => e.Summary).ToListAsync());
        Assert.Equal(2, trail.Count);
        Assert.All(trail, s => Assert.DoesNotContain("C00000", s, StringComparison.Ordinal));
        Assert.Equal(2, await Use(app, admin, sp => sp.GetRequiredService<JikimiDb>().Set<SignedChainHead>().CountAsync(h => h.SystemId == crm)));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite, "file-changed", 2L, "changed")]
    [PostgresData("file-changed", 2L, "changed")]
    [InlineData(TestDatabase.Sqlite, "row-changed", 2L, "changed")]
    [PostgresData("row-changed", 2L, "changed")]
    [InlineData(TestDatabase.Sqlite, "file-deleted", 2L, "deleted")]
    [PostgresData("file-deleted", 2L, "deleted")]
    [InlineData(TestDatabase.Sqlite, "row-deleted", 2L, "deleted")]
    [PostgresData("row-deleted", 2L, "deleted")]
    [InlineData(TestDatabase.Sqlite, "files-swapped", 1L, "reordered")]
    [PostgresData("files-swapped", 1L, "reordered")]
    [InlineData(TestDatabase.Sqlite, "rows-swapped", 1L, "reordered")]
    [PostgresData("rows-swapped", 1L, "reordered")]
    [InlineData(TestDatabase.Sqlite, "file-truncated", 3L, "truncated")]
    [PostgresData("file-truncated", 3L, "truncated")]
    [InlineData(TestDatabase.Sqlite, "chain-truncated", 3L, "truncated")]
    [PostgresData("chain-truncated", 3L, "truncated")]
    public async Task Verify_names_the_first_changed_deleted_reordered_or_truncated_segment(string provider, string tamper, long sequence, string kind)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (admin, _) = await OrgWithAssessmentAsync(app);
        var crm = await SystemAsync(app, admin, "고객관리");
        Ok(await IngestAsync(app, admin, crm, Days(1, 2)));
        Ok(await IngestAsync(app, admin, crm, Days(3)));
        Assert.True(Ok(await VerifyAsync(app, admin, crm)).Intact);
        var rows = await SegmentsAsync(app, admin, crm);
        string File(int i) => Path.Combine(Root(app), rows[i].Path);

        await (tamper switch
        {
            "file-changed" => Rewrite(File(1), b => b[b.Length / 2] ^= 0x5a),
            "file-deleted" => Task.Run(() => System.IO.File.Delete(File(1))),
            "file-truncated" => Rewrite(File(2), b => Array.Resize(ref b, b.Length - 10), shorten: 10),
            "files-swapped" => Swap(File(0), File(1)),
            "row-changed" => Db(app, admin, db => db.Set<AccessRecordSegment>().Where(s => s.SystemId == crm && s.Sequence == 2).ExecuteUpdateAsync(u => u.SetProperty(s => s.Records, 1_000))),
            "row-deleted" => Db(app, admin, db => db.Set<AccessRecordSegment>().Where(s => s.SystemId == crm && s.Sequence == 2).ExecuteDeleteAsync()),
            "rows-swapped" => SwapRows(app, admin, crm),
            "chain-truncated" => Db(app, admin, async db =>
                await db.Set<AccessRecordSegment>().Where(s => s.SystemId == crm && s.Sequence == 3).ExecuteDeleteAsync() +
                await db.Set<SignedChainHead>().Where(h => h.SystemId == crm && h.Sequence == 3).ExecuteDeleteAsync()),
            _ => throw new ArgumentOutOfRangeException(nameof(tamper)),
        });

        var problem = Ok(await VerifyAsync(app, admin, crm)).Problem;
        Assert.NotNull(problem);
        Assert.Equal((sequence, kind), (problem.Sequence, problem.Kind));
    }

    private static async Task Rewrite(string path, Action<byte[]> change, int shorten = 0)
    {
        System.IO.File.SetAttributes(path, FileAttributes.Normal);
        var bytes = await System.IO.File.ReadAllBytesAsync(path);
        change(bytes);
        await System.IO.File.WriteAllBytesAsync(path, shorten > 0 ? bytes[..^shorten] : bytes);
    }

    private static async Task Swap(string a, string b)
    {
        var (x, y) = (await System.IO.File.ReadAllBytesAsync(a), await System.IO.File.ReadAllBytesAsync(b));
        System.IO.File.SetAttributes(a, FileAttributes.Normal);
        System.IO.File.SetAttributes(b, FileAttributes.Normal);
        await System.IO.File.WriteAllBytesAsync(a, y);
        await System.IO.File.WriteAllBytesAsync(b, x);
    }

    private static Task<int> Db(AppHarness app, OrgAccess who, Func<JikimiDb, Task<int>> work) => Use(app, who, sp => work(sp.GetRequiredService<JikimiDb>()));

    private static async Task SwapRows(AppHarness app, OrgAccess who, Guid system)
    {
        await Db(app, who, db => db.Set<AccessRecordSegment>().Where(s => s.SystemId == system && s.Sequence == 1).ExecuteUpdateAsync(u => u.SetProperty(s => s.Sequence, 99)));
        await Db(app, who, db => db.Set<AccessRecordSegment>().Where(s => s.SystemId == system && s.Sequence == 2).ExecuteUpdateAsync(u => u.SetProperty(s => s.Sequence, 1)));
        await Db(app, who, db => db.Set<AccessRecordSegment>().Where(s => s.SystemId == system && s.Sequence == 99).ExecuteUpdateAsync(u => u.SetProperty(s => s.Sequence, 2)));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task A_refused_or_too_large_ingest_leaves_no_segment_no_file_and_no_chain_change(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider, new Dictionary<string, string?> { ["AccessRecords:MaxIngestBytes"] = "2048" });
        var (admin, _) = await OrgWithAssessmentAsync(app);
        var crm = await SystemAsync(app, admin, "고객관리");
        Ok(await IngestAsync(app, admin, crm, Days(1)));
        var before = await SegmentsAsync(app, admin, crm);
        var files = Directory.GetFiles(Root(app), "*", SearchOption.AllDirectories).Order().ToList();

        var badUtf8 = await Use(app, admin, sp => sp.GetRequiredService<IngestAccessRecords>().Handle(admin, crm, new MemoryStream([.. Encoding.UTF8.GetBytes(Days(2)), 0xC3, 0x28, (byte)'\n']), "bad.csv", default));
        Assert.StartsWith("input.", badUtf8.Error!.Code, StringComparison.Ordinal); // the good line before it is not kept either
        Assert.NotNull((await IngestAsync(app, admin, crm, "who,when\nu1,2026-11-02 10:00:00\n")).Error); // mapped columns missing
        Assert.Equal("input.too_large", (await IngestAsync(app, admin, crm, Days([.. Enumerable.Range(1, 28)]) + new string('#', 2048))).Error!.Code);
        Assert.NotNull((await IngestAsync(app, admin, crm, Header)).Error); // nothing but a header

        Assert.Equal(before.Select(s => s.ChainHash), (await SegmentsAsync(app, admin, crm)).Select(s => s.ChainHash));
        Assert.Equal(files, Directory.GetFiles(Root(app), "*", SearchOption.AllDirectories).Order().ToList());
        Assert.True(Ok(await VerifyAsync(app, admin, crm)).Intact);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Purge_removes_only_days_past_retention_keeps_the_purge_record_and_the_chain_still_verifies(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (admin, _) = await OrgWithAssessmentAsync(app);
        var manager = await app.AddMemberAsync(admin, await app.CreateUserAsync("m@a.kr", "관리자"), Role.ComplianceManager);
        var crm = await SystemAsync(app, admin, "고객관리");
        Ok(await IngestAsync(app, admin, crm, Header + "u1,2025-12-01 10:00:00,10.0.0.1,C1,R01\nu1,2026-11-02 10:00:00,10.0.0.1,C2,R01\n"));
        var purge = (OrgAccess who) => Use(app, who, sp => sp.GetRequiredService<PurgeAccessRecords>().Handle(who, crm, default));

        Fails<PurgeView, Forbidden>(await purge(manager));
        var early = Ok(await purge(admin)); // 2026-11-27: 2025-12-01 is kept for one year, until 2026-12-01
        Assert.Empty(early.Purged);
        Assert.Equal(2, early.Kept);

        app.Clock.Advance(TimeSpan.FromDays(5)); // 2026-12-02
        var done = Ok(await purge(admin));
        Assert.Equal([new DateOnly(2025, 12, 1)], done.Purged.Select(s => s.Day));
        var rows = await SegmentsAsync(app, admin, crm);
        Assert.Equal((admin.Actor.UserId, false, true), (rows[0].PurgedBy!.Value, File.Exists(Path.Combine(Root(app), rows[0].Path)), File.Exists(Path.Combine(Root(app), rows[0].RawPath))));
        Assert.Null(rows[1].PurgedAt);
        var record = await Use(app, admin, sp => sp.GetRequiredService<JikimiDb>().AuditEvents.Where(e => e.Action == "access_records.purged").Select(e => e.Summary).SingleAsync());
        Assert.Contains(rows[0].Sha256, record, StringComparison.Ordinal);
        Assert.True(Ok(await VerifyAsync(app, admin, crm)).Intact);
        Assert.Empty(Ok(await purge(admin)).Purged);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Another_organization_can_neither_send_to_verify_nor_purge_a_system(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (a, _) = await OrgWithAssessmentAsync(app);
        var other = await app.CreateOrganizationAsync(await app.CreateUserAsync("b@b.kr", "비관리자", systemAdministrator: true), "다른 회사");
        var crm = await SystemAsync(app, a, "고객관리");
        Ok(await IngestAsync(app, a, crm, Days(1)));

        Fails<IngestView, NotFound>(await IngestAsync(app, other, crm, Days(2)));
        Fails<VerifyView, NotFound>(await VerifyAsync(app, other, crm));
        Fails<PurgeView, NotFound>(await Use(app, other, sp => sp.GetRequiredService<PurgeAccessRecords>().Handle(other, crm, default)));
        Assert.Single(await SegmentsAsync(app, a, crm));
    }
}
