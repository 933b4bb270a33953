using Jikimi.Catalog.Model;
using Jikimi.Cli.Catalog;

namespace Jikimi.Cli.Infrastructure;

/// <summary>Input files named on the command line: a missing one is the same failure (exit 1) in every command.</summary>
public static class InputFile
{
    /// <summary>The full path of an existing file; otherwise a <see cref="CliFailureException"/> in Korean or English.</summary>
    public static string Require(string path, Language lang)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new CliFailureException(lang.T($"파일이 아니라 폴더입니다: {full}", $"a folder, not a file: {full}"));
        }

        return File.Exists(full) ? full : throw new CliFailureException(lang.T($"파일이 없습니다: {full}", $"no such file: {full}"));
    }
}
