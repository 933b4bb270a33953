using Jikimi.Application.Common;
using Jikimi.Application.Setup;
using Jikimi.Domain.Access;
using Jikimi.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jikimi.Application.Accounts;

/// <summary>API sign-in. <paramref name="Code"/> is the authenticator code (or a recovery code) when the user has MFA.</summary>
public sealed record SignInRequest(string? Email, string? Password, string? Code = null);

public sealed record SignInResult(string Token, DateTime ExpiresAt, UserView User);

/// <summary>Password sign-in for the API (one call: e-mail, password and, with MFA, the code); returns a bearer session token.</summary>
public sealed class SignIn(CheckPassword password, VerifySecondFactor secondFactor, StartSession start)
{
    public async Task<Result<SignInResult>> Handle(SignInRequest req, CancellationToken ct)
    {
        var checkedUser = await password.Handle(req.Email, req.Password, ct);
        if (checkedUser.Error is { } e)
        {
            return e;
        }

        var (user, needsCode) = checkedUser.Value!;
        if (needsCode)
        {
            if (string.IsNullOrWhiteSpace(req.Code))
            {
                return new SecondFactorRequired();
            }

            if ((await secondFactor.Handle(user, req.Code, ct)).Error is { } fe)
            {
                return fe;
            }
        }

        return await start.Handle(user, needsCode, needsCode ? "password+totp" : "password", ct);
    }
}
