using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Jikimi.Application.History;
using Jikimi.Catalog.Model;
using Jikimi.Cli.Audits;
using Jikimi.Cli.Catalog;
using Jikimi.Cli.Infrastructure;
using Jikimi.Cli.Obligation;
using Jikimi.Cli.Server;
using Jikimi.Domain.History;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Jikimi.Cli.History;

/// <summary>
/// `jikimi history list|add`: the certificates an organization held before (K-ISMS, K-PIMS, or ISMS/ISMS-P before
/// Jikimi), read from and recorded in the local database through the same use cases as the API (issue 19).
/// </summary>
public static class HistoryCommands
{
    public static Command Build(CliContext ctx, CommonOptions common)
    {
        var db = new DatabaseOptions();
        var org = new Option<string>("--org") { Description = "Organization id or exact name (may be left out when there is only one)." };

        Command WithCommon(Command c)
        {
            c.Options.Add(org);
            foreach (var o in db.All)
            {
                c.Options.Add(o);
            }

            return c;
        }

        var listFormat = CommonOptions.Format("table", "table", "json");
        var list = WithCommon(new Command("list", "List the past certificates: scheme, number, validity, scope.") { listFormat });
        list.SetAction((p, ct) => AuditCommands.RunAsync(ctx, common, db, org, p, ct, async (sp, access) =>
        {
            var certificates = (await sp.GetRequiredService<ListPastCertificates>().Handle(access, ct)).Value!;
            if (p.GetValue(listFormat) == "json")
            {
                await ctx.Out.WriteLineAsync(JsonSerializer.Serialize(certificates, ObligationCommand.Json));
                return ExitCodes.Ok;
            }

            var lang = common.LanguageOf(p);
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var h in new[] { lang.T("제도", "Scheme"), lang.T("번호", "Number"), lang.T("유효기간", "Valid"), lang.T("범위", "Scope") })
            {
                table.AddColumn(h);
            }

            foreach (var c in certificates)
            {
                table.AddRow(c.Scheme, Markup.Escape(c.Number), $"{c.IssuedOn:yyyy-MM-dd}–{c.ExpiresOn:yyyy-MM-dd}", Markup.Escape(c.Scope));
            }

            table.Caption = new TableTitle(Markup.Escape(lang.T($"지난 인증서 {certificates.Count}건", $"{certificates.Count} past certificates")));
            ctx.Console.Write(table);
            return ExitCodes.Ok;
        }));

        var scheme = new Option<string>("--scheme") { Description = "k-isms, k-pims, isms or isms-p.", Required = true };
        scheme.AcceptOnlyFromAmong([.. PastCertificate.Schemes]);
        var number = new Option<string>("--number") { Description = "The number on the certificate.", Required = true };
        var issued = new Option<string>("--issued") { Description = "Issue day (yyyy-MM-dd).", Required = true };
        var expires = new Option<string>("--expires") { Description = "Last day of validity (yyyy-MM-dd).", Required = true };
        var scope = new Option<string>("--scope") { Description = "The certified scope, as on the certificate (required: a certificate always names its scope)." };
        var add = WithCommon(new Command("add", "Record a past certificate (once per scheme and number).") { scheme, number, issued, expires, scope });
        add.SetAction(async (p, ct) =>
        {
            var request = new PastCertificateRequest(p.GetValue(scheme), p.GetValue(number), Day(p.GetValue(issued)!, "--issued"), Day(p.GetValue(expires)!, "--expires"), p.GetValue(scope));
            return await AuditCommands.RunAsync(ctx, common, db, org, p, ct, async (sp, access) =>
            {
                var r = await sp.GetRequiredService<RecordPastCertificate>().Handle(access, request, ct);
                if (r.Error is { } e)
                {
                    await ctx.Err.WriteLineAsync($"error: {e.Message}");
                    return e is PastCertificateInvalid ? ExitCodes.Usage : ExitCodes.Failed;
                }

                await ctx.Out.WriteLineAsync(common.LanguageOf(p).T($"기록했습니다: {r.Value!.Scheme} {r.Value.Number}", $"Recorded: {r.Value!.Scheme} {r.Value.Number}"));
                return ExitCodes.Ok;
            });
        });

        return new Command("history", "Past certificates (K-ISMS, K-PIMS, or ISMS/ISMS-P before Jikimi) in the database.") { list, add };
    }

    private static DateOnly Day(string text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new CliUsageException($"{option} '{text}' is not a date (yyyy-MM-dd)");
}
