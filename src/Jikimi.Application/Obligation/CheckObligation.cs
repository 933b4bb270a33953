using Jikimi.Domain.Common;
using Jikimi.Domain.Obligation;

namespace Jikimi.Application.Obligation;

/// <summary>The obligation test for the web form and the API: the pure rules, read as of today unless asOf is given.</summary>
public sealed class CheckObligation(TimeProvider clock)
{
    public Result<ObligationResult> Handle(ObligationInput input) =>
        ObligationCheck.Evaluate(input ?? new ObligationInput(), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
}
