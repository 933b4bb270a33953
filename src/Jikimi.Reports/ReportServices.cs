using Jikimi.Reports.Oscal;
using Jikimi.Reports.Readiness;
using Jikimi.Reports.Statement;
using Microsoft.Extensions.DependencyInjection;

namespace Jikimi.Reports;

/// <summary>Registers the document use cases (the web host and the CLI call the same ones).</summary>
public static class ReportServices
{
    public static IServiceCollection AddJikimiReports(this IServiceCollection services)
    {
        services.AddScoped<ExportStatement>();
        services.AddScoped<ImportStatement>();
        services.AddScoped<Legacy.ImportLegacySheet>();
        services.AddScoped<BuildReadinessReport>();
        services.AddScoped<ExportOscalResults>();
        services.AddScoped<Findings.BuildFindingsReport>();
        services.AddScoped<IReadinessReportSection, Cloud.CloudInheritanceSection>();
        services.AddScoped<IReadinessReportSection, Findings.OverdueCorrectiveActionsSection>();
        services.AddScoped<IReadinessReportSection, Risk.RiskReportSection>();
        services.AddSingleton<Application.Automation.IRunSummaryRenderer, Automation.RunSummaryRenderer>();
        return services;
    }
}
