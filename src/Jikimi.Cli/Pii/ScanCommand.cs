using System.CommandLine;
using Jikimi.Cli.Catalog;
using Jikimi.Cli.Infrastructure;
using Jikimi.Privacy;
using Jikimi.Privacy.Databases;
using Jikimi.Privacy.Detection;
using Jikimi.Privacy.Scanning;
using Spectre.Console;

namespace Jikimi.Cli.Pii;

/// <summary>
/// `jikimi pii scan`: finds Korean personal information in directory trees, documents and databases, and
/// reports masked values and keyed fingerprints only (docs/pii.md, docs/cli.md).
/// </summary>
public static class ScanCommand
{
    public static Command Build(CliContext ctx, CommonOptions common)
    {
        var paths = new Argument<string[]>("paths") { Description = "Files and folders to scan.", Arity = ArgumentArity.ZeroOrMore };
        var include = new Option<string[]>("--include") { Description = "Glob of files to scan, relative to each folder (repeatable; default **/*)." };
        var exclude = new Option<string[]>("--exclude") { Description = "Glob of files to leave out (repeatable), e.g. **/node_modules/**." };
        var maxSize = new Option<string>("--max-file-size") { Description = "Skip larger files (default 100MB).", DefaultValueFactory = _ => "100MB" };
        var follow = new Option<bool>("--follow-symlinks") { Description = "Follow symbolic links (default: not followed)." };
        var minConfidence = new Option<string>("--min-confidence") { Description = "Report findings at or above: low, medium (default) or high.", DefaultValueFactory = _ => "medium" };
        minConfidence.AcceptOnlyFromAmong("low", "medium", "high");
        var format = CommonOptions.Format("table", "table", "json", "csv", "sarif");
        var output = new Option<string>("--out", "-o") { Description = "Write the report to this file instead of standard output." };
        var failOn = new Option<string>("--fail-on") { Description = "Exit 1 when a finding at or above this confidence exists (CI gate)." };
        failOn.AcceptOnlyFromAmong("low", "medium", "high");
        var keyFile = new Option<string>("--key-file") { Description = "Secret for the fingerprints (≥16 bytes); default JIKIMI_PII_KEY, else a random per-run key." };
        var sqlite = new Option<string[]>("--sqlite") { Description = "Scan the tables of this SQLite file (repeatable)." };
        var postgres = new Option<string[]>("--postgres") { Description = "Scan the tables of this PostgreSQL connection string (repeatable)." };
        var tables = new Option<string>("--tables") { Description = "Only these tables, comma-separated (table or schema.table)." };
        var sample = new Option<int?>("--sample") { Description = "Read at most N rows per table (default: every row)." };
        var threads = new Option<int?>("--threads") { Description = "Files scanned in parallel (default: the number of cores)." };
        var uploadTo = new Option<string>("--upload-to") { Description = "Record the summary (masked values only) as an automated run with evidence on this Jikimi server." };
        var org = new Option<string>("--org") { Description = "With --upload-to: the organization id." };
        var control = new Option<string>("--control") { Description = "With --upload-to: one more control to link the evidence to, e.g. 3.1.3 (the findings map to 2.7.1 and 3.2.1 by themselves)." };
        var assessment = new Option<string>("--assessment") { Description = "With --upload-to: the assessment id (default: the newest year's)." };
        var token = new Option<string>("--token") { Description = $"With --upload-to: an API token (default: {UploadTarget.TokenVariable})." };
        var cmd = new Command("scan", "Find Korean personal information (RRN, FRN, passport, licence, BRN, cards, accounts, phones, e-mail) in files and databases.")
        {
            paths, include, exclude, maxSize, follow, minConfidence, format, output, failOn, keyFile, sqlite, postgres, tables, sample, threads,
            uploadTo, org, control, assessment, token,
        };
        cmd.SetAction(async (p, ct) =>
        {
            var lang = common.LanguageOf(p);
            var roots = p.GetValue(paths) ?? [];
            var dbs = (p.GetValue(sqlite) ?? []).Select(f => (DatabaseScanner)new SqliteScanner(f))
                .Concat((p.GetValue(postgres) ?? []).Select(c => new PostgresScanner(c))).ToList();
            if (roots.Length == 0 && dbs.Count == 0)
            {
                throw new CliUsageException("give paths to scan, or --sqlite FILE / --postgres CONNECTION");
            }

            if (p.GetValue(threads) is < 1 || p.GetValue(sample) is < 1)
            {
                throw new CliUsageException("--threads and --sample must be at least 1");
            }

            var upload = UploadTarget.Parse(p.GetValue(uploadTo), p.GetValue(org), p.GetValue(control), p.GetValue(token), p.GetValue(assessment));
            var min = ScanSettings.ParseConfidence(p.GetValue(minConfidence), "--min-confidence");
            Confidence? gate = p.GetValue(failOn) is { } f ? ScanSettings.ParseConfidence(f, "--fail-on") : null;
            var (fingerprinter, keySource) = ScanSettings.Key(p.GetValue(keyFile));
            var walk = new WalkOptions
            {
                FollowSymlinks = p.GetValue(follow),
                MaxFileSize = ScanSettings.ParseSize(p.GetValue(maxSize) ?? "100MB"),
                Filter = ScanSettings.Filter(p.GetValue(include) ?? [], p.GetValue(exclude) ?? []),
            };
            var today = DateOnly.FromDateTime(ctx.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).DateTime);
            var options = new ScanOptions
            {
                // Collect down to the gate's level so --fail-on low works with the default report level.
                Detector = new DetectorOptions { MinConfidence = gate is { } g && g < min ? g : min, LatestBirthDate = today },
                Threads = p.GetValue(threads) ?? Environment.ProcessorCount,
                Extractor = new PdfToText(),
            };
            var info = new ScanInfo(ctx.Clock.GetUtcNow(), min, keySource, typeof(ScanCommand).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
            var fmt = p.GetValue(format) ?? "table";

            // A mistyped path must fail the run (a CI gate would otherwise pass on nothing scanned).
            var missing = roots.Where(r => !File.Exists(r) && !Directory.Exists(r))
                .Concat((p.GetValue(sqlite) ?? []).Where(f => !File.Exists(f))).ToList();
            if (missing.Count > 0)
            {
                throw new CliFailureException(lang.T(
                    $"검사할 경로가 없습니다: {string.Join(", ", missing)}. 아무것도 검사하지 않았습니다.",
                    $"no such path to scan: {string.Join(", ", missing)}. Nothing was scanned."));
            }

            var outFile = p.GetValue(output);
            using var target = outFile is null ? null : OutputFile.Prepare(outFile, lang);
            using var writer = fmt == "table" ? null : FindingWriter.For(fmt, target is null ? OutputTarget.ToWriter(ctx.Out) : OutputTarget.ToStream(target.Stream));
            writer?.Begin(info);

            // --upload-to: the same JSON (masked values and fingerprints only), plus what was scanned, kept in memory.
            var evidenceBytes = upload is null ? null : new MemoryStream();
            using var evidence = evidenceBytes is null ? null : new JsonFindingWriter(OutputTarget.ToStream(evidenceBytes), [.. roots, .. dbs.Select(d => d.Source)]);
            evidence?.Begin(info);
            Action<Finding>? onReported = (writer, evidence) switch
            {
                (null, null) => null,
                ({ } w, null) => w.Write,
                (null, { } e) => e.Write,
                ({ } w, { } e) => f =>
                {
                    w.Write(f);
                    e.Write(f);
                },
            };
            var report = new ScanReport(min, onReported);
            var engine = new ScanEngine(options, fingerprinter);
            var started = ctx.Clock.GetTimestamp();
            var work = Task.Run(
                async () =>
                {
                    if (roots.Length > 0)
                    {
                        await engine.RunAsync(FileWalker.Walk(roots, walk), report, ct);
                    }

                    var tableFilter = p.GetValue(tables) is { } t ? t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null;
                    var detector = new PiiDetector(options.Detector);
                    var factory = new FindingFactory(fingerprinter);
                    foreach (var db in dbs)
                    {
                        await ScanDatabaseAsync(db, new DatabaseScanOptions { Tables = tableFilter, SampleRows = p.GetValue(sample) }, detector, factory, report, engine.Progress, ct);
                    }
                },
                ct);
            await ShowProgressAsync(ctx, work, engine.Progress, lang);
            info.Elapsed = ctx.Clock.GetElapsedTime(started);
            writer?.End(report, info);
            if (writer is null)
            {
                if (target is null)
                {
                    ScanSummary.Write(ctx.Console, report, info, lang);
                }
                else
                {
                    using var file = new StreamWriter(target.Stream, leaveOpen: true);
                    ScanSummary.Write(CliContext.ForWriters(file, file, ctx.DefaultDataDir).Console, report, info, lang);
                }
            }
            else
            {
                await ctx.Err.WriteLineAsync(lang.T(
                    $"발견 {report.Total:N0}건, 파일/테이블 {report.Files:N0}개, 건너뜀 {report.Skipped.Count:N0}개" + (outFile is null ? string.Empty : $" → {outFile}"),
                    $"{report.Total:N0} findings in {report.Files:N0} files/tables, {report.Skipped.Count:N0} skipped" + (outFile is null ? string.Empty : $" → {outFile}")));
            }

            target?.Commit();
            var uploaded = ExitCodes.Ok;
            if (upload is not null)
            {
                evidence!.End(report, info);
                var name = $"pii-scan-{info.StartedAt.ToOffset(TimeSpan.FromHours(9)):yyyyMMdd-HHmmss}.json";
                uploaded = await EvidenceUpload.RunAsync(upload, evidenceBytes!.ToArray(), name, ctx, lang, ct);
            }

            if (gate is { } level && report.Highest >= level)
            {
                await ctx.Err.WriteLineAsync(lang.T($"--fail-on {level.WireName()}: 신뢰도 {report.Highest.Value.WireName()} 발견이 있습니다.", $"--fail-on {level.WireName()}: found a {report.Highest.Value.WireName()}-confidence finding."));
                return ExitCodes.Failed;
            }

            return uploaded;
        });
        return cmd;
    }

    private static async Task ScanDatabaseAsync(DatabaseScanner db, DatabaseScanOptions o, PiiDetector detector, FindingFactory factory, ScanReport report, ScanProgress progress, CancellationToken ct)
    {
        try
        {
            await db.ScanAsync(o, detector, factory, report, progress, ct);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or FileNotFoundException or InvalidOperationException or ArgumentException or TimeoutException)
        {
            // Provider messages can quote SQL or values: report the kind of failure only.
            report.OnSkipped(db.Source, $"database not scanned: {ex.GetType().Name}");
        }
    }

    /// <summary>A live bar on stderr when a person is watching: files, bytes, MB/s, findings.</summary>
    private static async Task ShowProgressAsync(CliContext ctx, Task work, ScanProgress progress, Jikimi.Catalog.Model.Language lang)
    {
        if (!ctx.Interactive)
        {
            await work;
            return;
        }

        var err = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var started = ctx.Clock.GetTimestamp();
        await err.Progress().AutoClear(true).Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ElapsedTimeColumn())
            .StartAsync(async c =>
            {
                var task = c.AddTask(string.Empty).IsIndeterminate();
                while (!work.IsCompleted)
                {
                    var secs = Math.Max(ctx.Clock.GetElapsedTime(started).TotalSeconds, 0.001);
                    var mb = progress.Bytes / 1024d / 1024d;
                    task.Description = Markup.Escape(lang.T(
                        $"파일 {progress.Files:N0} · {mb:N0} MB · {mb / secs:N0} MB/s · 발견 {progress.Findings:N0} · 건너뜀 {progress.Skipped:N0}",
                        $"files {progress.Files:N0} · {mb:N0} MB · {mb / secs:N0} MB/s · findings {progress.Findings:N0} · skipped {progress.Skipped:N0}"));
                    await Task.WhenAny(work, Task.Delay(200, CancellationToken.None));
                }

                task.StopTask();
            });
        await work;
    }
}
