using QmsPortal.Web.Data;

namespace QmsPortal.Web.Tenancy;

/// <summary>
/// What the directory knows about a commune: enough to route, theme and filter a request. <see cref="HostName"/> is the
/// commune's first own host name, the one links are built on (<see cref="PublicUrls"/>).
/// </summary>
public sealed record TenantInfo(
    int Id,
    string Slug,
    string Code,
    string Name,
    CommuneKind Kind,
    string ProvinceCode,
    string ProvinceName,
    string Theme,
    TenantStatus Status,
    string? DisabledReason,
    string? Address,
    string? Phone,
    string? OfficeHours,
    string? HostName = null);

/// <summary>
/// The commune of the current request or command, scoped per request. The DbContext reads it for its
/// query filter; nothing tenant-owned can be read or written while it is empty.
/// </summary>
public sealed class TenantContext
{
    public TenantInfo? Current { get; private set; }

    public int? TenantId => Current?.Id;

    public TenantInfo Required => Current ?? throw new InvalidOperationException("No commune is selected for this request.");

    public void Enter(TenantInfo tenant)
    {
        if (Current is not null && Current.Id != tenant.Id)
        {
            throw new InvalidOperationException("A request serves one commune; it cannot switch to another.");
        }

        Current = tenant;
    }

    /// <summary>For recipes and command-line verbs that work on several communes in one scope.</summary>
    public IDisposable Switch(TenantInfo tenant)
    {
        var previous = Current;
        Current = tenant;
        return new Restore(this, previous);
    }

    private sealed class Restore(TenantContext context, TenantInfo? previous) : IDisposable
    {
        public void Dispose() => context.Current = previous;
    }
}
