namespace Jikimi.Checks.Rules;

/// <summary>A rule file that cannot be used: names the file and the line (1-based; 0 when unknown).</summary>
public sealed class RuleFileException(string file, int line, string problem)
    : Exception(line > 0 ? $"{file}:{line}: {problem}" : $"{file}: {problem}")
{
    public string File { get; } = file;

    public int Line { get; } = line;

    public string Problem { get; } = problem;
}
