using Jikimi.Application.Accounts;
using Jikimi.Application.Common;
using Jikimi.Application.Organizations;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jikimi.Web.Ui;

/// <summary>Every page: the signed-in principal, texts in the request's language, and a flash message after a redirect.</summary>
public abstract class UiPage : PageModel
{
    [TempData]
    public string? Flash { get; set; }

    [TempData]
    public string? FlashError { get; set; }

    public Principal? Principal => HttpContext.Items[typeof(Principal)] as Principal;

    public Actor Actor => Principal?.Actor ?? throw new InvalidOperationException("page requires a signed-in user");

    public static string L(string ko, string en) => Lang.L(ko, en);

    /// <summary>Shows a use case's failure on the page (in the user's language) and keeps what they typed.</summary>
    protected IActionResult Fail(DomainError error)
    {
        ModelState.AddModelError(string.Empty, UiErrors.Message(error));
        Response.StatusCode = Problems.StatusOf(error);
        return Page();
    }

    protected IActionResult Done(string message, string? url = null)
    {
        Flash = message;
        return url is null ? RedirectToPage() : LocalRedirect(url);
    }

    protected IActionResult Failed(DomainError error, string? url = null)
    {
        FlashError = UiErrors.Message(error);
        return url is null ? RedirectToPage() : LocalRedirect(url);
    }

    /// <summary>A report or export as a download; like the API's, a delivered one anchors the audit chains' heads (ADR 0052).</summary>
    protected async Task<IActionResult> Delivered(byte[] content, string contentType, string fileName)
    {
        await AuditAnchorScheduler.AfterExportAsync(HttpContext.RequestServices, HttpContext.RequestAborted);
        return File(content, contentType, fileName);
    }
}

/// <summary>Pages under /orgs/{orgId}/…: membership checked (404 otherwise, as the API), tenant filter set, MFA rule applied.</summary>
public abstract class OrgPage : UiPage
{
    [FromRoute]
    public Guid OrgId { get; set; }

    public OrgAccess Access => HttpContext.Items[typeof(OrgAccess)] as OrgAccess ?? throw new InvalidOperationException("not an organization page");

    public OrganizationView Org => HttpContext.Items[typeof(OrganizationView)] as OrganizationView ?? throw new InvalidOperationException("not an organization page");

    public Role Role => Access.Role;

    public string OrgUrl(string rest = "") => $"/orgs/{OrgId}{rest}";
}

/// <summary>Resolves the organization for <see cref="OrgPage"/>s before any handler runs (<see cref="Infrastructure.OrgEntry"/>).</summary>
public sealed class OrgPageFilter(GetOrganization organization) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerInstance is not OrgPage || context.HttpContext.Items[typeof(Principal)] is not Principal principal)
        {
            await next();
            return;
        }

        var http = context.HttpContext;
        var orgId = context.RouteData.Values["orgId"]?.ToString();
        var admitted = await Infrastructure.OrgEntry.AdmitAsync(http, principal, orgId);
        if (admitted.Error is MfaRequiredByOrganization)
        {
            context.Result = new RedirectResult("/account/mfa?required=" + orgId);
            return;
        }

        var view = admitted.Error is null ? (await organization.Handle(admitted.Value!, http.RequestAborted)).Value : null;
        if (view is null)
        {
            context.Result = new NotFoundResult();
            return;
        }

        http.Items[typeof(OrganizationView)] = view;
        await next();
    }
}
