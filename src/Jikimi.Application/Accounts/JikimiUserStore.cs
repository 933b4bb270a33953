using Jikimi.Application.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Jikimi.Application.Accounts;

/// <summary>Identity's EF store, but without saving on its own: the use case saves once, with its audit event.</summary>
public sealed class JikimiUserStore : UserStore<JikimiUser, IdentityRole<Guid>, JikimiDb, Guid>
{
    public JikimiUserStore(JikimiDb context, IdentityErrorDescriber? describer = null)
        : base(context, describer) => AutoSaveChanges = false;
}
