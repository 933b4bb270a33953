using Jikimi.Application.Obligation;
using Jikimi.Domain.Obligation;
using Jikimi.Web.Infrastructure;

namespace Jikimi.Web.Endpoints;

/// <summary>The obligation test: not organization data, any signed-in user may ask.</summary>
public static class ObligationEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/obligation/check", (ObligationInput input, CheckObligation h) => Problems.Ok(h.Handle(input)))
            .WithTags("Obligation")
            .Produces<ObligationResult>()
            .WithSummary("Must this organization hold ISMS (정보통신망법 제47조②)? Grounds with articles, deadline, maximum fine, simplified certification (7-2 / 7-3) and exclusions, as of asOf (default today).");
    }
}
