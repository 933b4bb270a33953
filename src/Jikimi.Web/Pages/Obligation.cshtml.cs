using Jikimi.Application.Obligation;
using Jikimi.Domain.Obligation;
using Jikimi.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Jikimi.Web.Pages;

/// <summary>The obligation test as a short form (any signed-in user; no organization data involved).</summary>
public sealed class ObligationModel(CheckObligation check) : UiPage
{
    [BindProperty]
    public ObligationInput Input { get; set; } = new();

    public ObligationResult? Result { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        var r = check.Handle(Input);
        if (r.Error is { } e)
        {
            return Fail(e);
        }

        Result = r.Value;
        return Page();
    }
}
