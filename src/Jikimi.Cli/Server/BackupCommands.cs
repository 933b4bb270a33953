using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json;
using Jikimi.Catalog.Model;
using Jikimi.Cli.Catalog;
using Jikimi.Cli.Infrastructure;
using Jikimi.Persistence.Postgres;
using Jikimi.Persistence.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Jikimi.Cli.Server;

/// <summary>
/// `jikimi backup --out DIR` and `jikimi restore DIR` (docs/operations.md, ADR 0037). A backup is a folder: the
/// database (SQLite online backup or pg_dump), the filesystem evidence store, the data-protection keys, the catalog
/// overlays, and manifest.json with every file's size and SHA-256. It is written under a temporary name and renamed
/// when complete, so a failed backup leaves no folder that looks whole.
/// </summary>
public static class BackupCommands
{
    public const string Format = "jikimi-backup/1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Folders of the data directory that a backup carries (when present), by their name in the backup.</summary>
    private static IEnumerable<(string Name, string Path)> Folders(IConfiguration config, string dataDir) =>
    [
        ("evidence", config["Evidence:Directory"] is { Length: > 0 } e ? Path.GetFullPath(e) : Path.Combine(dataDir, "evidence")),
        ("keys", Path.Combine(dataDir, "keys")),
        ("catalog-overlays", Path.Combine(dataDir, "catalog-overlays")),
    ];

    public static Command BuildBackup(CliContext ctx, CommonOptions common)
    {
        var output = new Option<string>("--out", "-o") { Description = "The backup folder to create (must not exist).", Required = true };
        var db = new DatabaseOptions();
        var cmd = new Command("backup", "Online, consistent backup of this instance: database, evidence files, keys, manifest with hashes.") { output };
        foreach (var o in db.All)
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (p, ct) =>
        {
            var lang = common.LanguageOf(p);
            var dataDir = common.DataDirOf(p);
            var (provider, connection, config) = Resolve(db, p, dataDir);
            var target = Path.GetFullPath(p.GetValue(output)!);
            if (Directory.Exists(target) || File.Exists(target))
            {
                await ctx.Err.WriteLineAsync(lang.T($"오류: {target} 이(가) 이미 있습니다. 새 폴더를 지정하세요.", $"error: {target} already exists; name a new folder."));
                return ExitCodes.Failed;
            }

            if (provider == "sqlite" && !File.Exists(SqliteBackup.FileOf(connection)))
            {
                await ctx.Err.WriteLineAsync(lang.T($"오류: 데이터베이스가 없습니다: {SqliteBackup.FileOf(connection)}", $"error: no database at {SqliteBackup.FileOf(connection)}"));
                return ExitCodes.Failed;
            }

            var partial = target + ".partial-" + Guid.NewGuid().ToString("N")[..8];
            try
            {
                var dir = Directory.CreateDirectory(partial);
                if (!OperatingSystem.IsWindows())
                {
                    dir.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute; // it holds the keys
                }

                Directory.CreateDirectory(Path.Combine(partial, "database"));
                // The database first: every evidence file it references was stored before its row committed, so the
                // files copied afterwards are a superset of what the snapshot needs.
                string dbFile;
                if (provider == "postgres")
                {
                    dbFile = "database/jikimi.pgdump";
                    await PostgresBackup.DumpAsync(connection, Path.Combine(partial, dbFile), ct);
                }
                else
                {
                    dbFile = "database/jikimi.db";
                    SqliteBackup.BackupTo(connection, Path.Combine(partial, dbFile));
                }

                foreach (var (name, source) in Folders(config, dataDir))
                {
                    CopyTree(source, Path.Combine(partial, name));
                }

                var files = Directory.EnumerateFiles(partial, "*", SearchOption.AllDirectories)
                    .Select(f => Path.GetRelativePath(partial, f).Replace('\\', '/'))
                    .Order(StringComparer.Ordinal)
                    .Select(rel => new BackupFile(rel, new FileInfo(Path.Combine(partial, rel)).Length, HashOf(Path.Combine(partial, rel))))
                    .ToList();
                var manifest = new BackupManifest(Format, ctx.Clock.GetUtcNow(), provider, dbFile, files);
                await File.WriteAllTextAsync(Path.Combine(partial, "manifest.json"), JsonSerializer.Serialize(manifest, Json), ct);
                Directory.Move(partial, target);
                var bytes = files.Sum(f => f.Bytes);
                await ctx.Out.WriteLineAsync(lang.T($"백업 완료: {target} ({provider}, 파일 {files.Count}개, {bytes:N0} 바이트)", $"backup written: {target} ({provider}, {files.Count} files, {bytes:N0} bytes)"));
                return ExitCodes.Ok;
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException)
            {
                TryDelete(partial);
                await ctx.Err.WriteLineAsync(lang.T("오류: 백업 실패 — ", "error: backup failed — ") + ex.Message);
                return ExitCodes.Failed;
            }
        });
        return cmd;
    }

    public static Command BuildRestore(CliContext ctx, CommonOptions common)
    {
        var source = new Argument<string>("dir") { Description = "A folder written by `jikimi backup`." };
        var db = new DatabaseOptions();
        var cmd = new Command("restore", "Restore a backup into an empty instance (empty data directory; missing or empty PostgreSQL database).") { source };
        foreach (var o in db.All)
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (p, ct) =>
        {
            var lang = common.LanguageOf(p);
            var dataDir = common.DataDirOf(p);
            var (provider, connection, config) = Resolve(db, p, dataDir);
            var from = Path.GetFullPath(p.GetValue(source)!);
            async Task<int> Refuse(string ko, string en)
            {
                await ctx.Err.WriteLineAsync(lang.T("오류: 복원하지 않았습니다 — " + ko, "error: nothing restored — " + en));
                return ExitCodes.Failed;
            }

            BackupManifest? manifest;
            try
            {
                manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(Path.Combine(from, "manifest.json"), ct), Json);
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                return await Refuse($"{from} 에 백업(manifest.json)이 없습니다.", $"no backup (manifest.json) in {from}.");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return await Refuse($"{from}/manifest.json 을(를) 읽을 수 없습니다 (권한 또는 입출력 오류).", $"cannot read {from}/manifest.json (permission or I/O error).");
            }
            catch (JsonException)
            {
                return await Refuse($"{from}/manifest.json 이(가) 올바른 JSON이 아닙니다.", $"{from}/manifest.json is not valid JSON.");
            }

            if (manifest is null || manifest.Format != Format)
            {
                return await Refuse($"알 수 없는 백업 형식입니다 ({manifest?.Format}).", $"unknown backup format ({manifest?.Format}).");
            }

            if (manifest.Provider != provider)
            {
                return await Refuse($"{manifest.Provider} 백업은 {provider} 인스턴스에 복원할 수 없습니다 (--database 확인).", $"a {manifest.Provider} backup cannot be restored into a {provider} instance (check --database).");
            }

            // Every byte is checked before anything is written.
            foreach (var f in manifest.Files)
            {
                var path = Path.GetFullPath(Path.Combine(from, f.Path));
                if (!path.StartsWith(from + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path)
                    || new FileInfo(path).Length != f.Bytes || HashOf(path) != f.Sha256)
                {
                    return await Refuse($"백업 파일이 없거나 손상되었습니다: {f.Path}", $"a backup file is missing or damaged: {f.Path}");
                }
            }

            var folders = Folders(config, dataDir).ToList();
            var occupied = folders.Where(f => Directory.Exists(f.Path) && Directory.EnumerateFileSystemEntries(f.Path).Any()).Select(f => f.Path).ToList();
            var databaseEmpty = provider == "postgres" ? await PostgresBackup.IsEmptyAsync(connection, ct) : !File.Exists(SqliteBackup.FileOf(connection));
            if (!databaseEmpty || occupied.Count > 0)
            {
                var what = string.Join(", ", (databaseEmpty ? [] : new[] { provider == "postgres" ? "database" : SqliteBackup.FileOf(connection) }).Concat(occupied));
                return await Refuse($"대상 인스턴스가 비어 있지 않습니다: {what}", $"the target instance is not empty: {what}");
            }

            try
            {
                if (provider == "postgres")
                {
                    await PostgresBackup.RestoreAsync(Path.Combine(from, manifest.Database), connection, ct);
                }
                else
                {
                    SqliteBackup.RestoreTo(Path.Combine(from, manifest.Database), connection);
                }

                foreach (var (name, target) in folders)
                {
                    CopyTree(Path.Combine(from, name), target);
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or Npgsql.NpgsqlException)
            {
                await ctx.Err.WriteLineAsync(lang.T("오류: 복원 실패 — ", "error: restore failed — ") + ex.Message);
                return ExitCodes.Failed;
            }

            await ctx.Out.WriteLineAsync(lang.T(
                $"복원 완료: {manifest.CreatedUtc:yyyy-MM-dd HH:mm:ss}Z 백업, 파일 {manifest.Files.Count}개. 이제 jikimi serve 를 시작하세요.",
                $"restored the backup of {manifest.CreatedUtc:yyyy-MM-dd HH:mm:ss}Z ({manifest.Files.Count} files); start jikimi serve."));
            return ExitCodes.Ok;
        });
        return cmd;
    }

    /// <summary>The database as `serve` would open it: --database/--connection, then JIKIMI_CONNECTION and the Section__Key environment.</summary>
    private static (string Provider, string Connection, IConfiguration Config) Resolve(DatabaseOptions db, ParseResult p, string dataDir)
    {
        var config = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine([.. db.HostArgs(p)]).Build();
        var provider = string.Equals(config["Database:Provider"], "postgres", StringComparison.OrdinalIgnoreCase) ? "postgres" : "sqlite";
        var connection = config.GetConnectionString("Default")
            ?? (provider == "postgres" ? throw new CliUsageException("--database postgres needs --connection (or JIKIMI_CONNECTION)") : SqliteDatabase.ConnectionStringFor(dataDir));
        return (provider, connection, config);
    }

    private static void CopyTree(string source, string target)
    {
        if (!Directory.Exists(source))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(source, file);
            if (rel.EndsWith(".tmp", StringComparison.Ordinal) || rel.Contains(".partial", StringComparison.Ordinal))
            {
                continue; // an upload still spooling is not evidence yet
            }

            var to = Path.Combine(target, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to, overwrite: false);
        }
    }

    private static string HashOf(string path)
    {
        using var fs = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(fs));
    }

    private static void TryDelete(string dir)
    {
        try
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
        catch (IOException)
        {
            // best effort: the folder keeps its .partial name, so nobody mistakes it for a backup
        }
    }
}

public sealed record BackupFile(string Path, long Bytes, string Sha256);

public sealed record BackupManifest(string Format, DateTimeOffset CreatedUtc, string Provider, string Database, IReadOnlyList<BackupFile> Files);
