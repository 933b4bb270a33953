using System.Text;
using Jikimi.Application.Assessments;
using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Application.Evidence;
using Jikimi.Catalog;
using Jikimi.Catalog.Model;
using Jikimi.Domain.Assessments;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Demo;

/// <summary>
/// `jikimi serve --demo`: a realistic sample organization (scope, a partly assessed 2023 ISMS-P assessment,
/// evidence) so a newcomer sees a live workspace. Idempotent. The first administrator joins it at setup.
/// </summary>
public sealed class SeedDemo(JikimiDb db, IEvidenceStore store, AuditWriter audit, TimeProvider clock)
{
    public const string OrganizationName = "데모 주식회사 (Demo Corp.)";

    public async Task<Guid> Handle(CancellationToken ct)
    {
        var existing = await db.Organizations.Where(o => o.Name == OrganizationName).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
        if (existing is { } id)
        {
            return id;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var org = Organization.Create(OrganizationName, now).Value!;
        db.Organizations.Add(org);
        db.UseTenant(org.Id);
        foreach (var admin in await db.Users.Where(u => u.IsSystemAdministrator).Select(u => u.Id).ToListAsync(ct))
        {
            db.Memberships.Add(Membership.Create(org.Id, admin, Role.Administrator, now));
        }

        var scope = CertificationScope.CreateDefault(org.Id, now);
        scope.Update(Certification.IsmsP, EditionId.IsmsP2023.Value, "온라인 쇼핑몰 서비스 및 이를 운영하는 정보시스템, 운영 조직 (Online shopping service, its systems and operating teams)", "위험평가 방법론: 자산가치 × 위협 × 취약성 (asset value × threat × vulnerability)", now);
        db.Scopes.Add(scope);
        AddScopeItem(org.Id, ScopeItemKind.Service, "쇼핑몰 서비스 (shop.example.kr)", null, null, null, now);
        AddScopeItem(org.Id, ScopeItemKind.InformationSystem, "주문·결제 시스템 (Order and payment)", null, null, null, now);
        AddScopeItem(org.Id, ScopeItemKind.InformationSystem, "고객 DB (Customer database, PostgreSQL)", null, null, null, now);
        AddScopeItem(org.Id, ScopeItemKind.Site, "본사 (서울 강남구)", null, "서울특별시 강남구", null, now);
        AddScopeItem(org.Id, ScopeItemKind.CloudService, "Microsoft Azure", "Microsoft", "Korea Central", null, now);
        AddScopeItem(org.Id, ScopeItemKind.MajorDocument, "정보보호 및 개인정보보호 정책서 v3.1", null, null, "POL-001", now);
        AddScopeItem(org.Id, ScopeItemKind.OtherCertification, "ISO/IEC 27001:2022", "BSI", null, "IS 000000", now);

        var edition = CriteriaCatalog.Embedded[EditionId.IsmsP2023];
        var assessment = Assessment.Create(org.Id, today.Year, EditionId.IsmsP2023, Certification.IsmsP, null, null, now).Value!;
        db.Assessments.Add(assessment);
        var rng = new Random(2023);
        var position = 0;
        var controls = new Dictionary<string, ControlAssessment>();
        foreach (var c in edition.Controls)
        {
            var ca = ControlAssessment.Create(org.Id, assessment.Id, c.Id, c.DomainId, c.SubdomainId, position++, now);
            controls[c.Id] = ca;
            db.ControlAssessments.Add(ca);
            var assessed = c.DomainId != "2" || rng.NextDouble() < 0.6;
            foreach (var item in c.CheckItems)
            {
                var cia = CheckItemAssessment.Create(ca, item.Id, item.Number, now);
                if (assessed && c.DomainId != "3")
                {
                    var roll = rng.NextDouble();
                    var result = roll < 0.7 ? CheckResult.Fulfilled : roll < 0.85 ? CheckResult.Partial : CheckResult.NotFulfilled;
                    cia.Record(result, null, null, now);
                }

                db.CheckItemAssessments.Add(cia);
            }

            var status = assessed && c.DomainId != "3" ? (rng.NextDouble() < 0.5 ? WorkflowStatus.Done : WorkflowStatus.InReview) : WorkflowStatus.ToDo;
            ca.SetStatus(status, now);
            ca.Assign(null, today.AddDays(rng.Next(-20, 90)), now);
        }

        controls["3.1.6"].SetApplicability(false, "영상정보처리기기를 운영하지 않음 (no CCTV is operated)", now);
        controls["2.10.4"].SetApplicability(false, "전자거래·핀테크 서비스를 제공하지 않음 (no e-commerce payment service of our own)", now);
        controls["1.1.1"].UpdateStatement(
            "분기별 정보보호위원회에서 CEO가 주요 정보보호 현안을 보고받고 의사결정함.",
            "정보보호 및 개인정보보호 정책서 제4조(경영진의 책임)",
            "2026년 1~3분기 정보보호위원회 회의록",
            now);

        var actor = Actor.System;
        await AddEvidence(org.Id, actor, "정보보호위원회 회의록 2026 3분기", "committee-minutes-2026-q3.txt", 365, today.AddDays(-40), [controls["1.1.1"]], now, ct);
        await AddEvidence(org.Id, actor, "정보보호 및 개인정보보호 정책서 v3.1", "policy-v3.1.txt", 365, today.AddDays(-350), [controls["1.1.5"], controls["2.1.1"]], now, ct);
        await AddEvidence(org.Id, actor, "임직원 정보보호 교육 결과 (2026)", "training-2026.txt", 365, today.AddDays(-100), [controls["2.2.4"]], now, ct);
        await AddEvidence(org.Id, actor, "비밀번호 정책 설정 화면", "password-policy.txt", 180, today.AddDays(-170), [controls["2.5.4"]], now, ct);
        await AddEvidence(org.Id, actor, "접속기록 월간 점검 보고서 (10월)", "access-log-review-2026-10.txt", 31, today.AddDays(-28), [controls["2.9.4"], controls["2.9.5"]], now, ct);

        audit.Record(org.Id, actor, AuditActions.DemoSeeded, "organization", org.Id, new { org.Name });
        var saved = await audit.SaveAsync(ct);
        if (saved.Error is { } e)
        {
            throw new InvalidOperationException("demo seed failed: " + e.Message);
        }

        return org.Id;
    }

    private void AddScopeItem(Guid org, ScopeItemKind kind, string name, string? provider, string? region, string? reference, DateTime now) =>
        db.ScopeItems.Add(ScopeItem.Create(org, kind, name, null, provider, region, reference, null, now).Value!);

    private async Task AddEvidence(Guid org, Actor actor, string title, string fileName, int refreshDays, DateOnly effective, IEnumerable<ControlAssessment> controls, DateTime now, CancellationToken ct)
    {
        var content = Encoding.UTF8.GetBytes($"{title}\n\n(Jikimi 데모 증적 — demo evidence generated for the sample organization.)\n");
        var blob = (await store.PutAsync(new MemoryStream(content), content.Length + 1, ct)).Value!;
        var item = Domain.Evidence.EvidenceItem.Create(org, title, null, refreshDays, "upload", actor.UserId, now).Value!;
        db.Evidence.Add(item);
        db.EvidenceVersions.Add(item.AddVersion(fileName, Domain.Evidence.SafeFileName.ContentTypeOf(fileName), blob.Size, blob.Hash, effective, actor.UserId, now));
        foreach (var ca in controls)
        {
            db.EvidenceLinks.Add(Domain.Evidence.EvidenceLink.Create(item, ca.Id, null, now));
        }
    }
}
