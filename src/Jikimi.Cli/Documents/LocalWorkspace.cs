using System.CommandLine;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Cli.Server;
using Jikimi.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jikimi.Cli.Documents;

/// <summary>
/// The local database, opened the way `jikimi serve` and `jikimi verify` open it: &lt;data-dir&gt;/jikimi.db, or
/// --database/--connection. Whoever can read the data directory administers it, so the CLI acts as an
/// administrator of the chosen organization; its audit events name "cli:&lt;OS user&gt;".
/// </summary>
public sealed class LocalWorkspace : IAsyncDisposable
{
    private readonly ServiceProvider _root;

    private LocalWorkspace(ServiceProvider root, AsyncServiceScope scope)
    {
        _root = root;
        Scope = scope;
    }

    public AsyncServiceScope Scope { get; }

    public IServiceProvider Services => Scope.ServiceProvider;

    public static LocalWorkspace? Open(CliContext ctx, CommonOptions common, DatabaseOptions db, ParseResult p)
    {
        var dataDir = common.DataDirOf(p);
        var hostArgs = db.HostArgs(p).ToArray();
        if (hostArgs.Length == 0 && !File.Exists(Path.Combine(dataDir, "jikimi.db")))
        {
            ctx.Err.WriteLine($"error: no database at {Path.Combine(dataDir, "jikimi.db")} (use --data-dir, or --database/--connection)");
            return null;
        }

        var root = LocalServices.Build(hostArgs, dataDir);
        return new LocalWorkspace(root, root.CreateAsyncScope());
    }

    /// <summary>An organization by id, exact name, or a part of the name matching just one (case-insensitive); sets the tenant.</summary>
    public async Task<OrgAccess> OrganizationAsync(string org, CancellationToken ct)
    {
        var db = Services.GetRequiredService<JikimiDb>();
        var all = await db.Organizations.AsNoTracking().Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        var name = org.Trim();
        var orgs = Guid.TryParse(name, out var id) ? all.Where(o => o.Id == id).ToList()
            : all.Where(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase)).ToList() is { Count: > 0 } exact ? exact
            : all.Where(o => o.Name.Contains(name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (orgs.Count != 1)
        {
            throw new CliUsageException(orgs.Count == 0
                ? $"no organization '{org}' (give its id, its name, or a part of the name that matches one)"
                : $"'{org}' matches several organizations ({string.Join(", ", orgs.Select(o => o.Name).Take(5))}); give the id or the full name");
        }

        db.UseTenant(orgs[0].Id);
        return new OrgAccess(orgs[0].Id, Role.Administrator, new Actor(Guid.Empty, "cli:" + Environment.UserName, IsSystemAdministrator: true));
    }

    /// <summary>An assessment by id or year; the newest when not given.</summary>
    public async Task<Guid> AssessmentAsync(string? assessment, CancellationToken ct)
    {
        var db = Services.GetRequiredService<JikimiDb>();
        var all = await db.Assessments.AsNoTracking().OrderByDescending(a => a.Year).ThenByDescending(a => a.CreatedAt).Select(a => new { a.Id, a.Year }).ToListAsync(ct);
        var found = assessment is null ? all.FirstOrDefault()
            : Guid.TryParse(assessment, out var id) ? all.FirstOrDefault(a => a.Id == id)
            : int.TryParse(assessment, out var year) ? all.FirstOrDefault(a => a.Year == year)
            : null;
        return found?.Id ?? throw new CliUsageException(assessment is null ? "the organization has no assessment yet" : $"no assessment '{assessment}' (give its id or year)");
    }

    public async ValueTask DisposeAsync()
    {
        await Scope.DisposeAsync();
        await _root.DisposeAsync();
    }
}
