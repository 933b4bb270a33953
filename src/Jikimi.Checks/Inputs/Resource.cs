using System.Text.Json;

namespace Jikimi.Checks.Inputs;

/// <summary>One resource read from an export: its type (the key rules select on), its id, and its JSON. The JSON is
/// only valid during the callback that receives it.</summary>
public readonly record struct Resource(string Type, string Id, JsonElement Data);

/// <summary>An input that cannot be used: names the file and the place inside it ("line 12, column 5",
/// "element 3 of 'Users'", "row 7"). A run with such an input records and emits nothing.</summary>
public sealed class InputException(string file, string place, string problem)
    : Exception(place.Length > 0 ? $"{file}: {place}: {problem}" : $"{file}: {problem}")
{
    public string File { get; } = file;

    public string Place { get; } = place;

    public string Problem { get; } = problem;
}
