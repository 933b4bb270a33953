using Jikimi.Application;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Application.Organizations;
using Jikimi.Domain.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Jikimi.TestSupport.Data;

/// <summary>The application's real services over a real test database, with a fake clock.</summary>
public sealed class AppHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private readonly bool _ownsDatabase = true;

    private AppHarness(TestDatabase database, ServiceProvider services, FakeTimeProvider clock, bool ownsDatabase = true)
    {
        Database = database;
        _services = services;
        Clock = clock;
        _ownsDatabase = ownsDatabase;
    }

    public TestDatabase Database { get; }
    public FakeTimeProvider Clock { get; }

    public static async Task<AppHarness> CreateAsync(string provider, IDictionary<string, string?>? settings = null) =>
        Build(await TestDatabase.CreateAsync(provider), settings, ownsDatabase: true);

    /// <summary>A second application node on the same database (own services, own caches), as with several app servers.</summary>
    public AppHarness SecondNode(IDictionary<string, string?>? settings = null) => Build(Database, settings, ownsDatabase: false);

    private static AppHarness Build(TestDatabase database, IDictionary<string, string?>? settings, bool ownsDatabase)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero));
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddJikimiApplication(config, database.DataDirectory);
        services.AddSingleton<TimeProvider>(clock);
        services.AddJikimiDatabase(database.Configure);
        return new AppHarness(database, services.BuildServiceProvider(validateScopes: true), clock, ownsDatabase);
    }

    /// <summary>A unit of work as a request would have it; set the tenant like the API's access filter does.</summary>
    public AsyncServiceScope Scope(Guid? tenant = null)
    {
        var scope = _services.CreateAsyncScope();
        if (tenant is { } t)
        {
            scope.ServiceProvider.GetRequiredService<JikimiDb>().UseTenant(t);
        }

        return scope;
    }

    public async Task<T> Run<T>(Guid? tenant, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Scope(tenant);
        return await work(scope.ServiceProvider);
    }

    public async Task<Actor> CreateUserAsync(string email, string name, bool systemAdministrator = false, string password = "Strong-pass-2026")
    {
        await using var scope = Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<JikimiUser>>();
        var user = new JikimiUser { Id = Guid.NewGuid(), UserName = email, Email = email, DisplayName = name, IsSystemAdministrator = systemAdministrator, CreatedAt = Clock.GetUtcNow().UtcDateTime, LockoutEnabled = true };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        await scope.ServiceProvider.GetRequiredService<JikimiDb>().SaveChangesAsync();
        return new Actor(user.Id, name, systemAdministrator);
    }

    /// <summary>A new organization with the given administrator (a system administrator creates it).</summary>
    public async Task<OrgAccess> CreateOrganizationAsync(Actor admin, string name = "테스트 주식회사")
    {
        var org = await Run(null, sp => sp.GetRequiredService<CreateOrganization>().Handle(admin, new CreateOrganizationRequest(name), default));
        return new OrgAccess(org.Value!.Id, Role.Administrator, admin);
    }

    public async Task<OrgAccess> AddMemberAsync(OrgAccess admin, Actor user, Role role)
    {
        await using var scope = Scope(admin.OrganizationId);
        var db = scope.ServiceProvider.GetRequiredService<JikimiDb>();
        db.Memberships.Add(Membership.Create(admin.OrganizationId, user.UserId, role, Clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync();
        return new OrgAccess(admin.OrganizationId, role, user);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }
}
