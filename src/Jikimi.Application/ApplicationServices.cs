using Jikimi.Application.Accounts;
using Jikimi.Application.AuditTrail;
using Jikimi.Application.Data;
using Jikimi.Application.Evidence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Jikimi.Application;

/// <summary>Registers the use cases (every public class with a Handle method), the audit writer, evidence store and Identity.</summary>
public static class ApplicationServices
{
    /// <summary>
    /// The DbContext from a pool (creating contexts per request was the largest cost on hot reads). A leased context
    /// starts with no tenant, always: the access filter sets it per request, so no tenant leaks from a previous lease.
    /// </summary>
    public static IServiceCollection AddJikimiDatabase(this IServiceCollection services, Action<Microsoft.EntityFrameworkCore.DbContextOptionsBuilder> configure)
    {
        services.AddPooledDbContextFactory<JikimiDb>(configure);
        services.AddScoped(sp =>
        {
            var db = sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<JikimiDb>>().CreateDbContext();
            db.UseTenant(Guid.Empty);
            return db;
        });
        return services;
    }

    public static IServiceCollection AddJikimiApplication(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EvidenceOptions>().Bind(configuration.GetSection(EvidenceOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Jikimi.Input.InputLimits>().Bind(configuration.GetSection(Jikimi.Input.InputLimits.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Audits.CertificationOptions>().Bind(configuration.GetSection(Audits.CertificationOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Reminders.ReminderOptions>().Bind(configuration.GetSection(Reminders.ReminderOptions.Section)).ValidateDataAnnotations()
            .Validate(Reminders.ReminderOptions.IsValid, "Reminders: e-mail needs Host, Port and From when enabled; Webhook:Url must be an absolute http(s) URL.").ValidateOnStart();
        services.AddSingleton<Reminders.IReminderChannel, Reminders.InAppChannel>();
        services.AddSingleton<Reminders.IReminderChannel, Reminders.WebhookChannel>();
        services.AddOptions<Common.CacheOptions>().Bind(configuration.GetSection(Common.CacheOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System); // a host (or a test) may bring its own clock first
        services.AddSingleton<Common.ReadCache>();
        services.TryAddSingleton<Common.IChangeFeed, Common.NoChangeFeed>();
        services.AddScoped<AuditWriter>();
        services.AddOptions<AuditAnchorOptions>().Bind(configuration.GetSection(AuditAnchorOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new AuditAnchorKeys(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuditAnchorOptions>>(), dataDirectory));
        services.AddOptions<AccessRecords.AccessRecordOptions>().Bind(configuration.GetSection(AccessRecords.AccessRecordOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new AccessRecords.AccessRecordStore(sp.GetRequiredService<IOptions<AccessRecords.AccessRecordOptions>>(), dataDirectory));
        services.AddOptions<Operations.JobOptions>().Bind(configuration.GetSection(Operations.JobOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<Operations.JobLeases>();
        services.AddScoped<Setup.SetupTokens>();
        services.AddScoped<IEvidenceStore>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<EvidenceOptions>>().Value;
            var dir = o.Directory ?? Path.Combine(dataDirectory, "evidence");
            return o.Store == "database"
                ? new DatabaseEvidenceStore(sp.GetRequiredService<JikimiDb>(), Path.Combine(dir, "tmp"), sp.GetRequiredService<TimeProvider>())
                : new FileSystemEvidenceStore(dir);
        });

        services.AddIdentityCore<JikimiUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddUserStore<JikimiUserStore>()
            .AddUserManager<JikimiUserManager>()
            .AddPasswordValidator<IsmsPasswordValidator>()
            .AddTokenProvider<AuthenticatorTokenProvider<JikimiUser>>(TokenOptions.DefaultAuthenticatorProvider);
        services.AddOptions<IdentityOptions>().Configure<IOptions<AuthOptions>>((o, auth) =>
        {
            o.Lockout.MaxFailedAccessAttempts = auth.Value.MaxFailedAttempts;
            o.Lockout.DefaultLockoutTimeSpan = auth.Value.LockoutDuration;
        });

        foreach (var type in typeof(ApplicationServices).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && t.GetMethod("Handle") is not null))
        {
            services.AddScoped(type);
        }

        return services;
    }
}
