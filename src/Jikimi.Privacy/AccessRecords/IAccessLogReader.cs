using Jikimi.Input;

namespace Jikimi.Privacy.AccessRecords;

/// <summary>
/// Reads one log file as normalized access records. <see cref="Start"/> reads what comes before the records (a header,
/// a <c>#Fields:</c> directive) and checks the mapping against it; <see cref="TryRead"/> returns false at the end or
/// on the first problem, which is then in <see cref="Error"/> with the line named. Never throws on bad input.
/// </summary>
public interface IAccessLogReader : IDisposable
{
    InputError? Error { get; }

    bool Start();

    bool TryRead(out AccessRecord? record);
}
