using System.CommandLine;

namespace Jikimi.Cli.Pii;

/// <summary>`jikimi pii …`: personal-information discovery (ISMS-P 3.1.3 주민등록번호 처리 제한, 2.7.1 암호화).</summary>
public static class PiiCommands
{
    public static Command Build(CliContext ctx, CommonOptions common)
    {
        var pii = new Command("pii", "Personal information discovery: find RRNs, card numbers, phone numbers … in files and databases.");
        pii.Subcommands.Add(ScanCommand.Build(ctx, common));
        return pii;
    }
}
