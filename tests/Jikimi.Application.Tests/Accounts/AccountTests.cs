using Jikimi.Application.Accounts;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Application.Organizations;
using Jikimi.Application.Setup;
using Jikimi.Application.Tokens;
using Jikimi.Domain.Organizations;
using Jikimi.TestSupport.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jikimi.Application.Tests.Scenario;

namespace Jikimi.Application.Tests.Accounts;

public class AccountTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    [Theory]
    [InlineData("short1!", false)]
    [InlineData("abcdefgh", false)]
    [InlineData("mountain7", true)]
    [InlineData("riverstone", true)]
    [InlineData("abcdefgh12", false)]
    [InlineData("1234567890", false)]
    [InlineData("qwer1234!", false)]
    [InlineData("aaaaaaaaaaaa", false)]
    [InlineData("k8-Mountain-river", true)]
    [InlineData("비밀번호는길게써요", false)]
    [InlineData("비밀번호는길게써요1", true)]
    public void Password_rules_follow_the_isms_p_guide(string password, bool accepted) =>
        Assert.Equal(accepted, IsmsPasswordValidator.Validate(password, "someone@example.kr").Succeeded);

    [Fact]
    public void Password_may_not_contain_the_email_name() =>
        Assert.False(IsmsPasswordValidator.Validate("kimchulsoo-2026", "kimchulsoo@example.kr").Succeeded);

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Setup_token_works_once_for_the_first_administrator(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var first = await app.Run(null, sp => sp.GetRequiredService<SetupTokens>().IssueIfNeededAsync(default));
        var token = await app.Run(null, sp => sp.GetRequiredService<SetupTokens>().IssueIfNeededAsync(default));
        Assert.NotNull(token);
        var request = new CompleteSetupRequest(first, "ciso@a.kr", "김보안", "Strong-pass-2026");
        Fails<UserView, SetupTokenInvalid>(await app.Run(null, sp => sp.GetRequiredService<CompleteSetup>().Handle(request, default)));
        Fails<UserView, PasswordRejected>(await app.Run(null, sp => sp.GetRequiredService<CompleteSetup>().Handle(request with { SetupToken = token, Password = "password1" }, default)));
        var user = Ok(await app.Run(null, sp => sp.GetRequiredService<CompleteSetup>().Handle(request with { SetupToken = token }, default)));
        Assert.True(user.IsSystemAdministrator);
        Fails<UserView, SetupAlreadyDone>(await app.Run(null, sp => sp.GetRequiredService<CompleteSetup>().Handle(request with { SetupToken = token }, default)));
        Assert.Null(await app.Run(null, sp => sp.GetRequiredService<SetupTokens>().IssueIfNeededAsync(default)));
        var stored = await app.Run(null, sp => sp.GetRequiredService<JikimiDb>().SetupTokens.Select(t => t.SecretHash).ToListAsync());
        Assert.DoesNotContain(token, stored);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Sign_in_locks_out_after_repeated_failures_and_sessions_expire_when_idle(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        await app.CreateUserAsync("u@a.kr", "사용자", password: "Correct-horse-9");
        for (var i = 0; i < 4; i++)
        {
            Fails<SignInResult, SignInFailed>(await app.Run(null, sp => sp.GetRequiredService<SignIn>().Handle(new SignInRequest("u@a.kr", "wrong-pass-1"), default)));
        }

        Fails<SignInResult, AccountLocked>(await app.Run(null, sp => sp.GetRequiredService<SignIn>().Handle(new SignInRequest("u@a.kr", "wrong-pass-1"), default)));
        Fails<SignInResult, AccountLocked>(await app.Run(null, sp => sp.GetRequiredService<SignIn>().Handle(new SignInRequest("u@a.kr", "Correct-horse-9"), default)));
        Fails<SignInResult, SignInFailed>(await app.Run(null, sp => sp.GetRequiredService<SignIn>().Handle(new SignInRequest("nobody@a.kr", "Correct-horse-9"), default)));
        // The lock-out runs on the injected clock: still locked a minute before its 15 minutes end, open after.
        app.Clock.Advance(TimeSpan.FromMinutes(14));
        Fails<SignInResult, AccountLocked>(await app.Run(null, sp => sp.GetRequiredService<SignIn>().Handle(new SignInRequest("u@a.kr", "Correct-horse-9"), default)));
        app.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var session = Ok(await app.Run(null, sp => sp.GetRequiredService<SignIn>().Handle(new SignInRequest("u@a.kr", "Correct-horse-9"), default)));
        Assert.NotNull(await app.Run(null, sp => sp.GetRequiredService<Authenticate>().Handle(session.Token, default)));
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Null(await app.Run(null, sp => sp.GetRequiredService<Authenticate>().Handle(session.Token, default)));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Api_tokens_are_hashed_scoped_expiring_and_revocable(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var admin = await app.CreateUserAsync("admin@a.kr", "관리자", systemAdministrator: true);
        var org = await app.CreateOrganizationAsync(admin);
        var created = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<CreateApiToken>().Handle(org, new CreateApiTokenRequest("CI", "compliance-manager", app.Clock.GetUtcNow().UtcDateTime.AddDays(10)), default)));
        Assert.StartsWith("jk_", created.Token, StringComparison.Ordinal);
        var hashes = await app.Run(null, sp => sp.GetRequiredService<JikimiDb>().ApiTokens.IgnoreQueryFilters().Select(t => t.SecretHash + t.Hint + t.Name).ToListAsync());
        Assert.DoesNotContain(hashes, h => h.Contains(created.Token, StringComparison.Ordinal));

        var principal = await app.Run(null, sp => sp.GetRequiredService<Authenticate>().Handle(created.Token, default));
        Assert.Equal((org.OrganizationId, Role.ComplianceManager), (principal!.TokenOrganizationId!.Value, principal.TokenRole!.Value));
        Fails<CreatedApiToken, Domain.Access.AuditorTokenIsPersonal>(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<CreateApiToken>().Handle(org, new CreateApiTokenRequest("a", "auditor", null), default)));
        Fails<CreatedApiToken, Domain.Common.Forbidden>(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<CreateApiToken>().Handle(org with { Actor = principal.Actor }, new CreateApiTokenRequest("x", "viewer", null), default)));

        app.Clock.Advance(TimeSpan.FromDays(11));
        Assert.Null(await app.Run(null, sp => sp.GetRequiredService<Authenticate>().Handle(created.Token, default)));

        var second = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<CreateApiToken>().Handle(org, new CreateApiTokenRequest("CI 2", "viewer", null), default)));
        Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<RevokeApiToken>().Handle(org, second.Info.Id, default)));
        Assert.Null(await app.Run(null, sp => sp.GetRequiredService<Authenticate>().Handle(second.Token, default)));
        Assert.Null(await app.Run(null, sp => sp.GetRequiredService<Authenticate>().Handle("jk_forged", default)));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Invited_member_sets_own_password_and_last_admin_stays(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var admin = await app.CreateUserAsync("admin@a.kr", "관리자", systemAdministrator: true);
        var org = await app.CreateOrganizationAsync(admin);
        var added = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<AddMember>().Handle(org, new AddMemberRequest("new@a.kr", "신입", "control-owner"), default)));
        Assert.NotNull(added.InvitationToken);
        Fails<SignInResult, SignInFailed>(await app.Run(null, sp => sp.GetRequiredService<SignIn>().Handle(new SignInRequest("new@a.kr", ""), default)));
        Ok(await app.Run(null, sp => sp.GetRequiredService<AcceptInvitation>().Handle(new AcceptInvitationRequest(added.InvitationToken, "Fresh-start-2026"), default)));
        Fails<UserView, InvitationInvalid>(await app.Run(null, sp => sp.GetRequiredService<AcceptInvitation>().Handle(new AcceptInvitationRequest(added.InvitationToken, "Fresh-start-2027"), default)));
        Ok(await app.Run(null, sp => sp.GetRequiredService<SignIn>().Handle(new SignInRequest("new@a.kr", "Fresh-start-2026"), default)));
        Fails<MemberView, Domain.Organizations.LastAdministrator>(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<ChangeMemberRole>().Handle(org, admin.UserId, new ChangeRoleRequest("viewer"), default)));
        var members = await app.Run(org.OrganizationId, sp => sp.GetRequiredService<ListMembers>().Handle(org, default));
        Assert.Equal(2, members.Count);
    }
}
