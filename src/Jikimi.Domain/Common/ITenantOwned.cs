namespace Jikimi.Domain.Common;

/// <summary>Data that belongs to one organization; every query of it goes through the tenant filter.</summary>
public interface ITenantOwned
{
    Guid OrganizationId { get; }
}
