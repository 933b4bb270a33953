using Jikimi.Domain.History;

namespace Jikimi.Application.History;

public sealed record PastCertificateRequest(string? Scheme, string? Number, DateOnly IssuedOn, DateOnly ExpiresOn, string? Scope);

public sealed record PastCertificateView(Guid Id, string Scheme, string Number, DateOnly IssuedOn, DateOnly ExpiresOn, string Scope, DateTime RecordedAt, string RecordedBy)
{
    public static PastCertificateView Of(PastCertificate c) => new(c.Id, c.Scheme, c.Number, c.IssuedOn, c.ExpiresOn, c.Scope, c.RecordedAt, c.RecordedBy);
}
