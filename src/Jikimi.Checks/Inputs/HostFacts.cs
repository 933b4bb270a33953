namespace Jikimi.Checks.Inputs;

/// <summary>The facts file of <c>jikimi collect host</c> (docs/checks.md, "Host facts").</summary>
public static class HostFacts
{
    public const string Kind = "jikimi.host-facts";

    public const int Version = 1;
}
