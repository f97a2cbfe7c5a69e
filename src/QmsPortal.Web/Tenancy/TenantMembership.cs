using QmsPortal.Web.Data;

namespace QmsPortal.Web.Tenancy;

/// <summary>
/// Ties a global user to one commune with one role. Platform data, not <see cref="ITenantOwned"/>:
/// a user's own list of communes is read across tenants by design.
/// </summary>
public sealed class TenantMembership
{
    public int Id { get; set; }
    public int TenantId { get; set; }
    public Tenant? Tenant { get; set; }
    public required string UserId { get; set; }
    public PortalUser? User { get; set; }
    public CommuneRole Role { get; set; }
}
