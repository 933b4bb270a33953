using System.Text.Json;
using Jikimi.Application.Demo;
using Jikimi.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Jikimi.Cli.Tests.History;

public class HistoryCommandTests
{
    [Fact]
    public async Task History_add_records_a_past_certificate_once_and_list_shows_it()
    {
        using var cli = new CliRunner();
        var options = new JikimiHostOptions { DataDirectory = cli.DataDir, Announce = _ => { } };
        var app = HostSetup.Build(options);
        await using (app)
        {
            await HostSetup.InitializeAsync(app, options);
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SeedDemo>().Handle(default);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        string[] add = ["history", "add", "--scheme", "k-isms", "--number", "KISA-2016-001", "--issued", "2016-03-02", "--expires", "2019-03-01", "--scope", "본사 IDC"];
        var first = cli.Run(add);
        Assert.True(first.ExitCode == 0, first.Err);
        var again = cli.Run(add);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already recorded", again.Err, StringComparison.Ordinal);
        var backwards = cli.Run("history", "add", "--scheme", "k-pims", "--number", "P-1", "--issued", "2019-03-02", "--expires", "2016-03-01");
        Assert.Equal(2, backwards.ExitCode);
        Assert.DoesNotContain("   at ", backwards.Err, StringComparison.Ordinal);

        var list = cli.Run("history", "list", "--format", "json");
        Assert.True(list.ExitCode == 0, list.Err);
        var only = Assert.Single(JsonDocument.Parse(list.Out).RootElement.EnumerateArray());
        Assert.Equal("k-isms", only.GetProperty("scheme").GetString());
        Assert.Equal("2019-03-01", only.GetProperty("expiresOn").GetString());
        Assert.Contains("KISA-2016-001", cli.Run("history", "list", "--lang", "en").Out, StringComparison.Ordinal);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
