using Jikimi.Application;
using Jikimi.Reports;
using Jikimi.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Jikimi.Cli.Server;

/// <summary>
/// The use cases over the local database for one-shot commands (report, import, verify, finding): configuration as
/// `jikimi serve` reads it (appsettings.json beside the binary, environment, --Database:Provider / --ConnectionStrings),
/// the application services and the chosen provider, in a plain service provider. No web host is built or started,
/// so nothing listens, no background job runs and no migration is applied (ADR 0023).
/// </summary>
public static class LocalServices
{
    public static ServiceProvider Build(IEnumerable<string> args, string dataDirectory)
    {
        var config = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args.ToArray())
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(config);
        services.AddLogging();
        services.AddJikimiApplication(config, dataDirectory);
        services.AddJikimiReports();
        JikimiStorage.Add(services, config, dataDirectory);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}
