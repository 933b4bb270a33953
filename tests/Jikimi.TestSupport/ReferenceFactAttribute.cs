namespace Jikimi.TestSupport;

/// <summary>
/// A fact that checks against a file outside the repository (under <see cref="RepoPaths.Reference"/>). Where the
/// file is absent — a fresh clone — the test is reported as skipped with the path it wanted, so the closing line
/// counts it as skipped instead of passing it silently or failing a clone that cannot have the file.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ReferenceFactAttribute : FactAttribute
{
    public ReferenceFactAttribute(params string[] parts)
    {
        var path = RepoPaths.ReferenceFile(parts);
        if (!File.Exists(path))
        {
            Skip = $"reference file absent (not part of the repository): {path}";
        }
    }
}
