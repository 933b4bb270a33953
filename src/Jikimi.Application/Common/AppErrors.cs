using Jikimi.Domain.Common;

namespace Jikimi.Application.Common;

public sealed record SetupAlreadyDone() : ConflictError("setup.done", "Setup is complete: an administrator exists. Sign in instead.");

public sealed record SetupTokenInvalid() : RuleError("setup.token_invalid", "The setup token is wrong or was already used. Restart the server to print a new one.");

public sealed record SignInFailed() : UnauthorizedError("auth.failed", "E-mail or password is wrong.");

public sealed record SecondFactorRequired() : UnauthorizedError("auth.mfa_required", "This account uses multi-factor authentication: send the authenticator code (or a recovery code) as 'code'.");

public sealed record SecondFactorFailed() : UnauthorizedError("auth.mfa_failed", "The authenticator or recovery code is wrong.");

public sealed record AuthenticatorCodeWrong() : RuleError("mfa.code_invalid", "The code does not match: check the app shows Jikimi's key and the device clock is right, then try the current code.");

public sealed record MfaRequiredByOrganization() : ForbiddenError("auth.mfa_required_by_organization", "This organization requires multi-factor authentication: set up an authenticator and sign in again with it.");

public sealed record PasswordReused() : RuleError("password.reused", "Choose a password you have not used recently.");

public sealed record CurrentPasswordWrong() : RuleError("password.current_wrong", "The current password is wrong.");

public sealed record AccountLocked() : LockedError("auth.locked", "Too many failed attempts: the account is locked for a while.");

public sealed record PasswordRejected(string Reasons) : RuleError("password.rejected", Reasons);

public sealed record EmailTaken() : ConflictError("user.email_taken", "A user with this e-mail already exists.");

public sealed record InvitationInvalid() : RuleError("invitation.invalid", "The invitation is unknown, expired or already used.");

public sealed record SystemAdministratorOnly() : ForbiddenError("access.system_administrator", "Only an instance administrator may do this.");
