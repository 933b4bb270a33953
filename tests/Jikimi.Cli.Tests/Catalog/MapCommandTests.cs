using System.Text.Json;

namespace Jikimi.Cli.Tests.Catalog;

public sealed class MapCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private JsonElement Json(params string[] args)
    {
        var r = _cli.Run(args);
        Assert.True(r.ExitCode == 0, r.Err);
        return JsonDocument.Parse(r.Out).RootElement;
    }

    [Fact]
    public void Iso_5_15_maps_to_the_isms_p_access_controls()
    {
        var pairs = Json("catalog", "map", "iso27001", "A.5.15", "--format", "json");
        var targets = pairs.EnumerateArray().Select(p => p.GetProperty("control").GetString()).ToList();
        Assert.Equal(["2.5.1", "2.6.1", "2.6.2", "2.6.3", "2.6.4"], targets);
        Assert.All(pairs.EnumerateArray(), p => Assert.Equal("intersects", p.GetProperty("relation").GetString()));
        Assert.Equal("Access control", pairs[0].GetProperty("frameworkTitle").GetString());
    }

    [Fact]
    public void The_reverse_lists_every_framework_mapped_to_an_isms_p_control()
    {
        var pairs = Json("catalog", "map", "isms-p", "2.10.2", "--format", "json").EnumerateArray().ToList();
        Assert.Contains(pairs, p => p.GetProperty("framework").GetString() == "iso27001-2022" && p.GetProperty("frameworkControl").GetString() == "5.23");
        Assert.Contains(pairs, p => p.GetProperty("framework").GetString() == "iso27017-2015" && p.GetProperty("frameworkControl").GetString() == "CLD.6.3.1");
    }

    [Fact]
    public void Table_speaks_korean_and_names_the_relation()
    {
        var r = _cli.Run("--lang", "ko", "catalog", "map", "iso27001", "8.13");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("2.9.3", r.Out, StringComparison.Ordinal);
        Assert.Contains("equal", r.Out, StringComparison.Ordinal);
        Assert.Contains("공식 대응표가 아닙니다", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_id_suggests_the_nearest()
    {
        var r = _cli.Run("--lang", "en", "catalog", "map", "iso27001", "5.38");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("'5.38' is not a control of iso27001-2022", r.Err, StringComparison.Ordinal);
    }
}
