using System.IO.Compression;
using Jikimi.Application.Assessments;
using Jikimi.Application.Common;
using Jikimi.Domain.Common;
using Jikimi.TestSupport.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Jikimi.Reports.Tests;

/// <summary>Helpers: the Reports use cases built from the harness's real services, and workbook surgery for bad input.</summary>
internal static class Reporting
{
    public static Task<T> Use<TCase, T>(AppHarness app, OrgAccess who, Func<TCase, Task<T>> work)
        where TCase : class =>
        app.Run(who.OrganizationId, sp => work(ActivatorUtilities.CreateInstance<TCase>(sp)));

    public static async Task<(OrgAccess Admin, AssessmentView Assessment)> OrgWithAssessmentAsync(AppHarness app, string email = "admin@a.kr")
    {
        var admin = await app.CreateUserAsync(email, "관리자", systemAdministrator: true);
        var org = await app.CreateOrganizationAsync(admin);
        var created = await app.Run(org.OrganizationId, sp => sp.GetRequiredService<CreateAssessment>().Handle(org, new CreateAssessmentRequest(2026, "2023", "isms-p", null, null), default));
        return (org, Ok(created));
    }

    public static T Ok<T>(Result<T> r) => r.Error is null ? r.Value! : throw new Xunit.Sdk.XunitException($"expected success, got {r.Error.Code}: {r.Error.Message}");

    public static Task<ControlDetail> UpdateStatementAsync(AppHarness app, OrgAccess who, Guid assessment, string controlId, bool applicable, string? reason, string? status, string? docs, string? records) =>
        app.Run(who.OrganizationId, async sp =>
        {
            var current = Ok(await sp.GetRequiredService<GetControl>().Handle(who, assessment, controlId, default));
            var c = current.Control;
            return Ok(await sp.GetRequiredService<UpdateControl>().Handle(who, assessment, controlId, new UpdateControlRequest(c.Status, applicable, reason, c.OwnerUserId, c.DueDate, status, docs, records, c.Version), default));
        });

    /// <summary>Every part of an XLSX package by name, so two files can be compared part by part.</summary>
    public static SortedDictionary<string, byte[]> Parts(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        var parts = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var e in zip.Entries)
        {
            using var s = e.Open();
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            parts[e.FullName] = ms.ToArray();
        }

        return parts;
    }

    /// <summary>Rewrites one part's text (e.g. the sheet XML) and re-zips the package.</summary>
    public static byte[] EditPart(byte[] xlsx, string part, Func<string, string> edit)
    {
        var parts = Parts(xlsx);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in parts)
            {
                var entry = zip.CreateEntry(name);
                using var s = entry.Open();
                var content = name == part ? System.Text.Encoding.UTF8.GetBytes(edit(System.Text.Encoding.UTF8.GetString(bytes))) : bytes;
                s.Write(content);
            }
        }

        return output.ToArray();
    }
}
