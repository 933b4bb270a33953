using Jikimi.Catalog.Model;
using Jikimi.Domain.Access;
using Jikimi.Domain.Assessments;
using Jikimi.Domain.AuditTrail;
using Jikimi.Domain.Common;
using Jikimi.Domain.Evidence;
using Jikimi.Domain.Organizations;

namespace Jikimi.Domain.Tests;

public class DomainRuleTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 9, 0, 0, DateTimeKind.Utc);

    private static List<AuditEvent> Chain(int n)
    {
        var list = new List<AuditEvent>();
        var previous = AuditEvent.Genesis("c");
        for (var i = 1; i <= n; i++)
        {
            var e = AuditEvent.Create("c", i, previous, null, Now.AddSeconds(i), null, "system", "x.done", "x", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "{}");
            list.Add(e);
            previous = e.Hash;
        }

        return list;
    }

    [Fact]
    public void An_untouched_chain_verifies()
    {
        Assert.Null(ChainVerifier.Verify("c", Chain(5)));
        Assert.Null(ChainVerifier.Verify("c", []));
    }

    [Fact]
    public void A_missing_middle_event_is_reported_at_its_sequence()
    {
        var chain = Chain(5);
        chain.RemoveAt(2);
        var b = ChainVerifier.Verify("c", chain)!;
        Assert.Equal(3, b.Sequence);
        Assert.Contains("missing", b.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Events_from_another_chain_do_not_link()
    {
        var b = ChainVerifier.Verify("other", Chain(2))!;
        Assert.Equal(1, b.Sequence);
        Assert.Contains("does not link", b.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_covers_every_field_and_times_are_cut_to_microseconds()
    {
        var a = AuditEvent.Create("c", 1, "p", null, Now.AddTicks(7), null, "system", "x", "y", "z", "{}");
        Assert.Equal(Now, a.At);
        Assert.Equal(a.Hash, a.ComputeHash());
        var b = AuditEvent.Create("c", 1, "p", null, Now, null, "system", "x", "y", "z", "{ }");
        Assert.NotEqual(a.ComputeHash().Replace(a.Id.ToString(), string.Empty, StringComparison.Ordinal), b.ComputeHash());
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\kim\\보고서.pdf", "보고서.pdf")]
    [InlineData("a\"b;c<d>.txt", "a_b_c_d_.txt")]
    [InlineData("evil\u202Etxt.exe", "eviltxt.exe")]
    [InlineData("...", "evidence")]
    [InlineData(null, "evidence")]
    public void File_names_are_made_safe(string? input, string expected) => Assert.Equal(expected, SafeFileName.From(input));

    [Theory]
    [InlineData("report.pdf", "application/pdf")]
    [InlineData("page.html", "application/octet-stream")]
    [InlineData("image.svg", "application/octet-stream")]
    public void Only_safe_content_types_are_served_inline(string name, string type) => Assert.Equal(type, SafeFileName.ContentTypeOf(name));

    [Fact]
    public void Not_applicable_control_needs_a_reason()
    {
        var c = ControlAssessment.Create(Guid.NewGuid(), Guid.NewGuid(), "3.1.6", "3", "3.1", 0, Now);
        Assert.IsType<NotApplicableNeedsReason>(c.SetApplicability(false, "  ", Now).Error);
        Assert.True(c.Applicable);
        Assert.True(c.SetApplicability(false, "CCTV 미운영", Now).IsSuccess);
        Assert.Equal("CCTV 미운영", c.NotApplicableReason);
        Assert.True(c.SetApplicability(true, null, Now).IsSuccess);
        Assert.Null(c.NotApplicableReason);
    }

    [Fact]
    public void Evidence_expiry_follows_the_current_versions_effective_date()
    {
        var e = EvidenceItem.Create(Guid.NewGuid(), "교육", null, 30, "upload", Guid.NewGuid(), Now).Value!;
        Assert.Null(e.ExpiresOn);
        e.AddVersion("a.pdf", "application/pdf", 1, Sha256Hash.FromBytes(new byte[32]), new DateOnly(2026, 1, 1), Guid.NewGuid(), Now);
        Assert.Equal(new DateOnly(2026, 1, 31), e.ExpiresOn);
        Assert.True(e.IsExpired(new DateOnly(2026, 2, 1)));
        Assert.False(e.IsExpired(new DateOnly(2026, 1, 31)));
        Assert.IsType<Invalid>(e.Describe("교육", null, 0).Error);
        Assert.True(e.SoftDelete(Guid.NewGuid(), Now).IsSuccess);
        Assert.IsType<EvidenceDeleted>(e.SoftDelete(Guid.NewGuid(), Now).Error);
    }

    [Fact]
    public void Api_token_expires_and_revokes_once()
    {
        var (token, secret) = ApiToken.Create(Guid.NewGuid(), Guid.NewGuid(), "ci", Role.Viewer, Now.AddDays(1), Now).Value;
        Assert.StartsWith(token.Hint, secret, StringComparison.Ordinal);
        Assert.Equal(ApiToken.HashSecret(secret), token.SecretHash);
        Assert.True(token.IsActive(Now));
        Assert.False(token.IsActive(Now.AddDays(1)));
        Assert.True(token.Revoke(Now).IsSuccess);
        Assert.IsType<TokenAlreadyRevoked>(token.Revoke(Now).Error);
        Assert.False(token.IsActive(Now));
        Assert.IsType<Invalid>(ApiToken.Create(Guid.NewGuid(), Guid.NewGuid(), "x", Role.Viewer, Now.AddYears(3), Now).Error);
    }

    [Theory]
    [InlineData(Role.Viewer, false, false, false)]
    [InlineData(Role.Auditor, false, false, false)]
    [InlineData(Role.ControlOwner, true, false, false)]
    [InlineData(Role.ComplianceManager, true, true, false)]
    [InlineData(Role.Administrator, true, true, true)]
    public void Roles_grant_what_they_say(Role role, bool edit, bool manage, bool admin) =>
        Assert.Equal((edit, manage, admin), (role.CanEditControls(), role.CanManageWorkspace(), role.CanAdminister()));

    [Theory]
    [InlineData("   ", false)]
    [InlineData("ok\u0007", false)]
    [InlineData("줄\n바꿈", true)]
    public void Typed_text_is_trimmed_and_free_of_control_characters(string value, bool ok) =>
        Assert.Equal(ok, Text.Required("f", value, 100).IsSuccess);

    [Fact]
    public void Assessment_year_is_bounded() =>
        Assert.IsType<Invalid>(Assessment.Create(Guid.NewGuid(), 1999, EditionId.IsmsP2023, Certification.IsmsP, null, null, Now).Error);
}
