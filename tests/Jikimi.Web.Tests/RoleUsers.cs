using System.Net;
using System.Net.Http.Json;
using Jikimi.Domain.Organizations;

namespace Jikimi.Web.Tests;

/// <summary>One signed-in member of organization A per role (session and user id), for calling every endpoint as each role.</summary>
public sealed record RoleUsers(Dictionary<Role, string> Sessions, Dictionary<Role, Guid> Ids)
{
    public static async Task<RoleUsers> CreateAsync(WebHarness h, World w)
    {
        var sessions = new Dictionary<Role, string>();
        var ids = new Dictionary<Role, Guid>();
        foreach (var role in Enum.GetValues<Role>())
        {
            var email = $"{role.ToWire()}@a.kr";
            var invite = await HttpAssert.Json(await h.Client(w.Root).PostAsJsonAsync($"/api/v1/orgs/{w.A.Org}/members", new { email, displayName = role.ToWire(), role = role.ToWire() }), HttpStatusCode.Created);
            ids[role] = invite.GetProperty("member").GetProperty("userId").GetGuid();
            await HttpAssert.Json(await h.Client().PostAsJsonAsync("/api/v1/invitations/accept", new { token = invite.GetProperty("invitationToken").GetString(), password = "Role-pass-2026!" }), HttpStatusCode.OK);
            sessions[role] = await h.LoginAsync(email, "Role-pass-2026!");
        }

        return new RoleUsers(sessions, ids);
    }
}
