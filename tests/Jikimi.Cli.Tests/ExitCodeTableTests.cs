using System.CommandLine;
using Jikimi.TestSupport;

namespace Jikimi.Cli.Tests;

/// <summary>
/// Every command against the exit-code table of docs/cli.md: a missing input file, an `--out` in a missing folder,
/// naming a folder or in an unwritable folder, a path to scan that does not exist. Each prints one error line (no
/// stack trace), exits with the documented code, and leaves no temporary file behind.
/// </summary>
public sealed class ExitCodeTableTests : IDisposable
{
    private const string Api = "--server http://127.0.0.1:9 --org 00000000-0000-0000-0000-000000000001 --token t0k3n";

    private static readonly (string Command, string Args, int Code)[] Table =
    [
        ("catalog browse", "catalog browse --edition 1999", 2),
        ("catalog list", "catalog list --edition 1999", 2),
        ("catalog show", "catalog show 9.9.9", 2),
        ("catalog diff", "catalog diff 2018 7-2", 2),
        ("catalog search", "catalog search x --edition 1999", 2),
        ("catalog map", "catalog map iso27001 5.38", 2),
        ("catalog map", "catalog map cobit 5.1", 2),
        ("catalog import-prowler", "catalog import-prowler {missing}", 1),
        ("serve", "serve --no-such-option", 2),
        ("verify audit-trail", "verify audit-trail", 1),
        ("backup", "backup", 2),
        ("backup", "backup --out {folder}", 1),
        ("restore", "restore {missing}", 1),
        ("pii scan", "pii scan {missing}", 1),
        ("pii scan", "pii scan {missing} --fail-on low", 1),
        ("pii scan", "pii scan {here} {missing} --format json", 1),
        ("pii scan", "pii scan --sqlite {missing}", 1),
        ("pii scan", "pii scan {here} --key-file {missing}", 1),
        ("pii scan", "pii scan {here} --out {nofolder}", 1),
        ("pii scan", "pii scan {here} --format json --out {folder}", 1),
        ("pii scan", "pii scan {here} --format sarif --out {readonly}", 1),
        ("pii scan", "pii scan", 2),
        ("checks run", "checks run {missing}", 1),
        ("checks run", "checks run {here} --rules {missing}", 1),
        ("checks run", "checks run {here} --format xml", 2),
        ("checks run", "checks run {here} --param NOPE-X-1.a=1", 2),
        ("checks run", "checks run {here} --upload-to http://127.0.0.1:9", 2),
        ("checks run", "checks run", 2),
        ("checks list", "checks list --rules {missing}", 1),
        ("checks list", "checks list --format xml", 2),
        ("collect host", "collect host --out {nofolder}", 1),
        ("collect host", "collect host --out {folder}", 1),
        ("logs ingest", "logs ingest {missing} --system 00000000-0000-0000-0000-000000000003 " + Api, 1),
        ("logs ingest", "logs ingest {missing} --system 00000000-0000-0000-0000-000000000003", 2),
        ("logs ingest", "logs ingest {missing} --system crm " + Api, 2),
        ("logs verify", "logs verify --system 00000000-0000-0000-0000-000000000003 " + Api, 1), // server unreachable
        ("logs verify", "logs verify " + Api, 2),
        ("logs purge", "logs purge --system 00000000-0000-0000-0000-000000000003 " + Api, 1),
        ("logs purge", "logs purge --system crm " + Api, 2),
        ("risk list", "risk list", 2),
        ("asset import", "asset import {missing} " + Api, 1),
        ("asset import", "asset import {missing}", 2),
        ("asset export", "asset export --out {nofolder} " + Api, 1),
        ("asset export", "asset export --out {folder} " + Api, 1),
        ("asset export", "asset export --out {readonly} " + Api, 1),
        ("report statement", "report statement --org x --out {nofolder}", 1),
        ("report statement", "report statement --org x --out {folder}", 1),
        ("report statement", "report statement --org x --out {readonly}", 1),
        ("report statement", "report statement --org x --out {file}", 1), // no database
        ("report readiness", "report readiness --org x --out {nofolder}", 1),
        ("report readiness", "report readiness --org x --format html --out {folder}", 1),
        ("report readiness", "report readiness --org x --out {readonly}", 1),
        ("report readiness", "report readiness --org x --format doc --out {file}", 2),
        ("report oscal", "report oscal --org x --out {nofolder}", 1),
        ("report oscal", "report oscal --org x --out {folder}", 1),
        ("report oscal", "report oscal --org x --out {readonly}", 1),
        ("report findings", "report findings --org x --audit 00000000-0000-0000-0000-000000000002 --out {nofolder}", 1),
        ("report findings", "report findings --org x --audit 00000000-0000-0000-0000-000000000002 --out {folder}", 1),
        ("report findings", "report findings --org x --audit 00000000-0000-0000-0000-000000000002 --out {readonly}", 1),
        ("report oscal-catalog", "report oscal-catalog --out {nofolder}", 1),
        ("report oscal-catalog", "report oscal-catalog --out {folder}", 1),
        ("report oscal-catalog", "report oscal-catalog --out {readonly}", 1),
        ("report oscal-catalog", "report oscal-catalog", 2),
        ("report iso-coverage", "report iso-coverage --org x --framework iso9001", 2),
        ("report iso-coverage", "report iso-coverage", 2),
        ("import statement", "import statement {missing}", 1),
        ("import statement", "import statement {folder}", 1),
        ("import prowler", "import prowler {missing} --org x", 1),
        ("import azure-policy", "import azure-policy {missing} --org x", 1),
        ("import azure-policy", "import azure-policy {folder} --org x", 1),
        ("import azure-policy", "import azure-policy {missing}", 2),
        ("obligation check", "obligation check --input {missing}", 1),
        ("audit list", "audit list", 1),
        ("audit show", "audit show 00000000-0000-0000-0000-000000000002", 1),
        ("finding list", "finding list", 1),
        ("history list", "history list", 1),
        ("history add", "history add --scheme k-isms --number KISA-2016-001 --issued 2016-03-02 --expires 2019-03-01", 1), // no database
        ("history add", "history add --scheme k-pms --number X --issued 2016-03-02 --expires 2019-03-01", 2),
        ("history add", "history add --scheme k-isms --number X --issued 2016-13-02 --expires 2019-03-01", 2),
    ];

    private readonly CliRunner _cli = new();
    private readonly TempDir _dir = new();

    public ExitCodeTableTests()
    {
        File.WriteAllText(_dir.File("notes.txt"), "nothing personal here\n");
        Directory.CreateDirectory(_dir.File("folder"));
    }

    public static TheoryData<string, string, int> Cases()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var (command, args, code) in Table)
        {
            data.Add(command, args, code);
        }

        return data;
    }

    public void Dispose()
    {
        _cli.Dispose();
        _dir.Dispose();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_command_exits_with_the_documented_code_in_one_line_and_leaves_no_temporary_file(string command, string args, int code)
    {
        foreach (var lang in new[] { "ko", "en" })
        {
            var r = _cli.Run(["--lang", lang, .. Expand(args)]);
            Assert.True(r.ExitCode == code, $"{command}: exit {r.ExitCode}, expected {code}\n{r.Err}");
            Assert.DoesNotContain("   at ", r.Err, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", r.Err, StringComparison.Ordinal);
            var lines = r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.NotEmpty(lines);
            if (code == 1)
            {
                Assert.True(lines.Length == 1, $"{command}: one line expected, got:\n{r.Err}");
            }

            Assert.Empty(Directory.EnumerateFiles(_dir.Path, "*.tmp-*", SearchOption.AllDirectories));
            Assert.False(File.Exists(_dir.File("out.json")));
        }
    }

    [Fact]
    public void The_table_covers_every_command_of_the_tree()
    {
        var ctx = CliContext.ForWriters(TextWriter.Null, TextWriter.Null, _dir.Path);
        var leaves = new List<string>();
        Walk(JikimiCli.Build(ctx, new CommonOptions(ctx)), string.Empty, leaves);
        Assert.True(leaves.Count > 20, string.Join(", ", leaves));
        var covered = Table.Select(t => t.Command).ToHashSet(StringComparer.Ordinal);
        Assert.Equal([], leaves.Where(l => !covered.Contains(l)).ToArray());
        Assert.Equal([], covered.Where(c => !leaves.Contains(c)).ToArray());
    }

    [Fact]
    public void Output_errors_speak_the_chosen_language()
    {
        var ko = _cli.Run("--lang", "ko", "report", "oscal-catalog", "--out", _dir.File("folder"));
        Assert.Contains("폴더", ko.Err, StringComparison.Ordinal);
        var en = _cli.Run("--lang", "en", "report", "oscal-catalog", "--out", _dir.File("folder"));
        Assert.Contains("names a folder", en.Err, StringComparison.Ordinal);
        var missing = _cli.Run("--lang", "en", "pii", "scan", _dir.File("typo"), "--fail-on", "low");
        Assert.Contains("Nothing was scanned", missing.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_good_out_is_written_whole_and_replaces_the_old_file()
    {
        var target = _dir.File("catalog.json");
        File.WriteAllText(target, "old");
        Assert.Equal(0, _cli.Run("report", "oscal-catalog", "--out", target).ExitCode);
        Assert.StartsWith("{", File.ReadAllText(target), StringComparison.Ordinal);

        var scan = _dir.File("scan.json");
        Assert.Equal(0, _cli.Run("pii", "scan", _dir.File("notes.txt"), "--format", "json", "--out", scan).ExitCode);
        Assert.Contains("\"findings\"", File.ReadAllText(scan), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(_dir.Path, "*.tmp-*"));
    }

    private static void Walk(Command c, string prefix, List<string> leaves)
    {
        var name = c is RootCommand ? string.Empty : (prefix.Length == 0 ? c.Name : prefix + " " + c.Name);
        if (c.Subcommands.Count == 0)
        {
            leaves.Add(name);
            return;
        }

        foreach (var s in c.Subcommands)
        {
            Walk(s, name, leaves);
        }
    }

    /// <summary>Placeholders → paths in this test's folder; {readonly} is a folder the process cannot write in.</summary>
    private string[] Expand(string args) => args.Split(' ').Select(a => a switch
    {
        "{missing}" => _dir.File("does-not-exist.json"),
        "{nofolder}" => Path.Combine(_dir.File("no-such-folder"), "out.json"),
        "{folder}" => _dir.File("folder"),
        "{readonly}" => Path.Combine(UnwritableFolder(), "out.json"),
        "{file}" => _dir.File("out.json"),
        "{here}" => _dir.File("notes.txt"),
        _ => a,
    }).ToArray();

    /// <summary>Root ignores permission bits, but not sysfs; anyone else gets a folder without write permission.</summary>
    private string UnwritableFolder()
    {
        if (Environment.UserName == "root" || !OperatingSystem.IsLinux())
        {
            return "/sys";
        }

        var ro = _dir.File("readonly");
        Directory.CreateDirectory(ro);
        File.SetUnixFileMode(ro, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        return ro;
    }
}
