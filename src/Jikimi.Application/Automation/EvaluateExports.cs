using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Checks;
using Jikimi.Checks.Engine;
using Jikimi.Checks.Inputs;
using Jikimi.Checks.Rules;
using Jikimi.Domain.Automation;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Automation;

/// <summary>
/// Evaluates raw exports and host facts (the files `jikimi checks run` reads: AWS CLI JSON, Azure Resource Graph,
/// Entra, kubectl, `jikimi collect host` facts) on the server with the built-in rule set — the same engine as the
/// CLI — and records the outcome as a run of source "checks". A malformed, truncated, oversized or unrecognised
/// file is refused with its name and the place inside it, and nothing is stored.
/// </summary>
public sealed class EvaluateExports(JikimiDb db, RecordAutomatedRun record, TimeProvider clock)
{
    /// <summary>All files of one upload together.</summary>
    public const long MaxTotalBytes = 256L * 1024 * 1024;

    /// <summary>Refuses by role and a missing assessment before a byte of the upload is read.</summary>
    public async Task<DomainError?> PrecheckAsync(OrgAccess access, Guid assessmentId, CancellationToken ct)
    {
        if (access.Require(Permissions.CanManageWorkspace, "record automated results").Error is { } denied)
        {
            return denied;
        }

        return await db.Assessments.AnyAsync(a => a.Id == assessmentId, ct) ? null : new NotFound("assessment", assessmentId.ToString());
    }

    public async Task<Result<RecordedRunView>> Handle(OrgAccess access, Guid assessmentId, ExportStaging files, string? label, CancellationToken ct)
    {
        if (await PrecheckAsync(access, assessmentId, ct) is { } refused)
        {
            return refused;
        }

        if (files.Paths.Count == 0)
        {
            return new AutomatedRunInvalid("files", "no export file was uploaded.");
        }

        CheckRun run;
        try
        {
            run = new CheckEngine(RuleLoader.Builtin, new CheckOptions { Now = clock.GetUtcNow(), MaxInputBytes = MaxTotalBytes }).Run(files.Paths);
        }
        catch (InputException ex)
        {
            return new AutomatedFileUnreadable(ex.File, ex.Place.Length == 0 ? "the start" : ex.Place, ex.Problem + ".");
        }

        if (run.Results.Count == 0)
        {
            return new AutomatedRunInvalid("files", "no rule applies to the resources in these files; check that they are the exports docs/checks.md describes.");
        }

        var input = ToInput(run, clock.GetUtcNow().UtcDateTime, label);
        return await record.Handle(access, assessmentId, input, null, ct);
    }

    /// <summary>The engine's run as the model's input (what the CLI's JSON carries, field for field).</summary>
    public static AutomatedRunInput ToInput(CheckRun run, DateTime ranAt, string? label)
    {
        var inputs = run.Inputs.Select(i => new AutomatedInputFile(i.FileName, i.Sha256)).ToList();
        var name = string.IsNullOrWhiteSpace(label)
            ? string.Join(", ", inputs.Select(i => Path.GetFileName(i.Name)).Order(StringComparer.Ordinal).Take(5))
            : label.Trim();
        var results = run.Results.Select(r => new AutomatedResultInput(
            r.RuleId, r.TitleKo, r.TitleEn, r.Severity, r.ResourceType, r.ResourceId, r.Status, r.Detail,
            r.Controls.Select(c => new AutomatedControlInput(c.ControlId, [.. c.CheckItems])).ToList())).ToList();
        return new AutomatedRunInput(AutomatedSources.Checks, name, run.RuleSetVersion, ranAt, inputs, results);
    }
}

/// <summary>
/// The uploaded export files on local disk for the engine (it streams files, so a large export never sits in
/// memory), under their own names — the reader recognises some AWS calls by the file name. Deleted on dispose.
/// </summary>
public sealed class ExportStaging : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "jikimi-exports-" + Guid.NewGuid().ToString("N"));
    private readonly List<string> _paths = [];
    private long _total;

    public ExportStaging(long maxTotalBytes = EvaluateExports.MaxTotalBytes)
    {
        MaxTotalBytes = maxTotalBytes;
        Directory.CreateDirectory(_dir);
    }

    public long MaxTotalBytes { get; }

    public IReadOnlyList<string> Paths => _paths;

    /// <summary>Copies one file; an error (and nothing kept of it) when the upload passes the total limit.</summary>
    public async Task<DomainError?> AddAsync(string? fileName, Stream content, CancellationToken ct)
    {
        var name = SafeName(fileName, _paths.Count);
        // One folder per file, so two files of the same name (two accounts' users.json) both arrive.
        var folder = Path.Combine(_dir, _paths.Count.ToString("D4", System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
        {
            var buffer = new byte[81920];
            int n;
            while ((n = await content.ReadAsync(buffer, ct)) > 0)
            {
                _total += n;
                if (_total > MaxTotalBytes)
                {
                    return Jikimi.Input.InputError.TooLarge(name, MaxTotalBytes).ToDomainError();
                }

                await file.WriteAsync(buffer.AsMemory(0, n), ct);
            }
        }

        _paths.Add(path);
        return null;
    }

    private static string SafeName(string? fileName, int index)
    {
        var name = Path.GetFileName((fileName ?? string.Empty).Replace('\\', '/'));
        name = new string([.. name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]).TrimStart('.');
        return name.Length == 0 ? $"export-{index + 1}.json" : name.Length > 120 ? name[^120..] : name;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; the OS cleans it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
