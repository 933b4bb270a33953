namespace Jikimi.Checks.Conditions;

/// <summary>A rule could not decide on a resource (a value of the wrong type, an unparsable date): that resource's
/// result becomes <c>error</c>; the run goes on.</summary>
public sealed class EvaluationException(string message) : Exception(message);
