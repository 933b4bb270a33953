using Jikimi.Application.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jikimi.Application.Accounts;

/// <summary>
/// Identity's user manager with lock-out timed by the injected <see cref="TimeProvider"/>. ASP.NET Core Identity
/// (10.0) reads <c>DateTimeOffset.UtcNow</c> when it sets and checks a lock-out, so a test clock could not end one
/// and every deadline but this one followed the injected clock.
/// </summary>
public sealed class JikimiUserManager(
    IUserStore<JikimiUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<JikimiUser> passwordHasher,
    IEnumerable<IUserValidator<JikimiUser>> userValidators,
    IEnumerable<IPasswordValidator<JikimiUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<JikimiUser>> logger,
    TimeProvider clock)
    : UserManager<JikimiUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<bool> IsLockedOutAsync(JikimiUser user)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(user);
        if (!await GetLockoutEnabledAsync(user))
        {
            return false;
        }

        return await GetLockoutEndDateAsync(user) is { } end && end >= clock.GetUtcNow();
    }

    public override async Task<IdentityResult> AccessFailedAsync(JikimiUser user)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(user);
        var lockouts = (IUserLockoutStore<JikimiUser>)Store;
        var count = await lockouts.IncrementAccessFailedCountAsync(user, CancellationToken);
        if (count >= Options.Lockout.MaxFailedAccessAttempts)
        {
            await lockouts.SetLockoutEndDateAsync(user, clock.GetUtcNow().Add(Options.Lockout.DefaultLockoutTimeSpan), CancellationToken);
            await lockouts.ResetAccessFailedCountAsync(user, CancellationToken);
        }

        return await UpdateUserAsync(user);
    }
}
