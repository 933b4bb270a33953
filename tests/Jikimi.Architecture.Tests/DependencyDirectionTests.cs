using System.Reflection;
using System.Xml.Linq;
using Jikimi.TestSupport;

namespace Jikimi.Architecture.Tests;

/// <summary>
/// Keeps the house's dependency direction: Web/Cli → Application → Domain/Catalog/Privacy, pure projects
/// reference no framework package, and only the Persistence projects know a database provider.
/// </summary>
public class DependencyDirectionTests
{
    private static readonly string[] Pure = ["Jikimi.Catalog", "Jikimi.Checks", "Jikimi.Domain", "Jikimi.Input", "Jikimi.Privacy"];

    // Lower number = deeper. A project may reference only projects of a lower layer (pure ones may use each other).
    private static int Layer(string project) => project switch
    {
        _ when Pure.Contains(project) => 0,
        "Jikimi.Application" => 1,
        "Jikimi.Persistence.Sqlite" or "Jikimi.Persistence.Postgres" or "Jikimi.Reports" or "Jikimi.Privacy.Databases" => 2,
        "Jikimi.Web" => 3,
        "Jikimi.Cli" => 4,
        _ => throw new InvalidOperationException($"{project} has no layer: add it to DependencyDirectionTests.Layer"),
    };

    private static string[] ProjectNames() =>
        Directory.GetDirectories(Path.Combine(RepoPaths.Root, "src")).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal).ToArray();

    public static TheoryData<string> SourceProjects() => new(ProjectNames());

    private static XDocument Csproj(string project) => XDocument.Load(Path.Combine(RepoPaths.Root, "src", project, project + ".csproj"));

    private static IEnumerable<string> ProjectReferences(string project) =>
        Csproj(project).Descendants("ProjectReference").Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value));

    private static IEnumerable<string> PackageReferences(string project) =>
        Csproj(project).Descendants("PackageReference").Select(e => e.Attribute("Include")!.Value);

    [Theory]
    [MemberData(nameof(SourceProjects))]
    public void Projects_reference_only_deeper_layers(string project)
    {
        foreach (var reference in ProjectReferences(project))
        {
            var ok = Layer(reference) < Layer(project) || (Layer(project) == 0 && Layer(reference) == 0);
            Assert.True(ok, $"{project} must not reference {reference} (dependency direction)");
        }
    }

    [Theory]
    [MemberData(nameof(SourceProjects))]
    public void Pure_projects_reference_no_package_and_no_framework(string project)
    {
        if (!Pure.Contains(project))
        {
            return;
        }

        var doc = Csproj(project);
        Assert.Empty(PackageReferences(project));
        Assert.Empty(doc.Descendants("FrameworkReference"));
        Assert.Equal("Microsoft.NET.Sdk", doc.Root!.Attribute("Sdk")?.Value);
    }

    private static readonly string[] Providers = ["Microsoft.EntityFrameworkCore.Sqlite", "Npgsql.EntityFrameworkCore.PostgreSQL", "Npgsql", "Microsoft.Data.Sqlite"];

    // Jikimi.Privacy.Databases reads the user's own databases to find personal information (pii scan --sqlite /
    // --postgres); it stores nothing of Jikimi's. It may use exactly the two ADO.NET providers, never EF Core
    // (docs/adr/0008-pii-discovery.md).
    private static readonly string[] PiiScanProviders = ["Microsoft.Data.Sqlite", "Npgsql"];

    [Theory]
    [MemberData(nameof(SourceProjects))]
    public void Only_persistence_projects_know_a_database_provider(string project)
    {
        if (project.StartsWith("Jikimi.Persistence.", StringComparison.Ordinal))
        {
            return;
        }

        var allowed = project == "Jikimi.Privacy.Databases" ? PiiScanProviders : [];
        Assert.Empty(PackageReferences(project).Intersect(Providers).Except(allowed));
    }

    [Fact]
    public void The_pii_database_scanner_uses_only_its_two_ado_net_providers()
    {
        Assert.Equal(PiiScanProviders.Order(), PackageReferences("Jikimi.Privacy.Databases").Order());
    }

    [Theory]
    [MemberData(nameof(SourceProjects))]
    public void Pure_assemblies_load_only_the_base_class_library(string project)
    {
        if (!Pure.Contains(project))
        {
            return;
        }

        Assembly assembly;
        try
        {
            assembly = Assembly.Load(project);
        }
        catch (FileNotFoundException)
        {
            Assert.Fail($"{project} is not referenced by Jikimi.Architecture.Tests; add a ProjectReference so it is checked");
            return;
        }

        foreach (var name in assembly.GetReferencedAssemblies().Select(a => a.Name!))
        {
            var bcl = name is "netstandard" or "mscorlib" || name.StartsWith("System.", StringComparison.Ordinal) || name == "System" || name.StartsWith("Microsoft.Win32.", StringComparison.Ordinal);
            Assert.True(bcl || Pure.Contains(name), $"{project} references {name}, which is not the base class library");
        }
    }

    [Fact]
    public void The_check_sees_every_source_project()
    {
        Assert.Contains("Jikimi.Catalog", ProjectNames());
        Assert.Contains("Jikimi.Checks", ProjectNames());
        Assert.Contains("Jikimi.Cli", ProjectNames());
        Assert.Contains("Jikimi.Privacy", ProjectNames());
        Assert.Contains("Jikimi.Privacy.Databases", ProjectNames());
        Assert.Contains("Jikimi.Input", ProjectNames());
    }

    [Fact]
    public void The_input_edge_references_no_other_project()
    {
        // Every layer reads outside files through Jikimi.Input, so it must stay a leaf (ADR 0038).
        Assert.Empty(ProjectReferences("Jikimi.Input"));
    }
}
