using Jikimi.Application.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Accounts;

/// <summary>Identity's EF store, but without saving on its own: the use case saves once, with its audit event.</summary>
public sealed class JikimiUserStore : UserStore<JikimiUser, IdentityRole<Guid>, JikimiDb, Guid>
{
    public JikimiUserStore(JikimiDb context, IdentityErrorDescriber? describer = null)
        : base(context, describer) => AutoSaveChanges = false;

    /// <summary>
    /// The base store attaches the user on every update, which for an already-modified user resets EF's original
    /// values to the unsaved ones; with several updates in one unit of work (enable MFA, then recovery codes) the final
    /// UPDATE then checks the wrong concurrency stamp and fails. Attach only what is not tracked yet.
    /// </summary>
    public override Task<IdentityResult> UpdateAsync(JikimiUser user, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(user);
        if (Context.Entry(user).State == EntityState.Detached)
        {
            Context.Attach(user);
        }

        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        Context.Update(user);
        return Task.FromResult(IdentityResult.Success);
    }
}
