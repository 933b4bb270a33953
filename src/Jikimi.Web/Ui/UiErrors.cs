using Jikimi.Domain.Common;
using Jikimi.Web.Infrastructure;

namespace Jikimi.Web.Ui;

/// <summary>
/// Use-case failures in the user's language: the same catalog as the API (<see cref="ErrorTexts"/>), so a code reads
/// the same on a page and in a problem detail.
/// </summary>
public static class UiErrors
{
    public static string Message(DomainError error) => ErrorTexts.Detail(error, korean: !Lang.IsEnglish);
}
