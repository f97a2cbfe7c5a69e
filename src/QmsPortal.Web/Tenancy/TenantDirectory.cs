using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using QmsPortal.Web.Data;

namespace QmsPortal.Web.Tenancy;

/// <summary>
/// Finds a commune by slug or host name. Results are cached in a size-bounded cache so memory grows with
/// the communes being served, not with the 3,321 that exist; a miss is one indexed query.
/// </summary>
public sealed class TenantDirectory(IServiceScopeFactory scopes, TenantDirectoryCache cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    public Task<TenantInfo?> FindBySlugAsync(string slug, CancellationToken cancellationToken = default) =>
        cache.Memory.GetOrCreateAsync("slug:" + slug, entry => LoadAsync(entry, t => t.Slug == slug, cancellationToken));

    public Task<TenantInfo?> FindByHostAsync(string host, CancellationToken cancellationToken = default) =>
        cache.Memory.GetOrCreateAsync("host:" + host, entry =>
            LoadAsync(entry, t => t.HostNames.Any(h => h.HostName == host), cancellationToken));

    /// <summary>
    /// Call after any commune changes so this node serves the change at once (other nodes within
    /// <see cref="Lifetime"/>). Changes are rare admin actions, so clearing everything is simplest and safe.
    /// </summary>
    public void Forget() => cache.Memory.Compact(1.0);

    private async Task<TenantInfo?> LoadAsync(ICacheEntry entry, System.Linq.Expressions.Expression<Func<Tenant, bool>> match, CancellationToken cancellationToken)
    {
        entry.Size = 1;
        entry.AbsoluteExpirationRelativeToNow = Lifetime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QmsDbContext>();
        var info = await db.Tenants.AsNoTracking().Where(match).Select(t => new TenantInfo(
                t.Id, t.Slug, t.Code, t.Name, t.Kind, t.ProvinceCode, t.Province!.Name, t.Theme, t.Status, t.DisabledReason,
                t.Address, t.Phone, t.OfficeHours, t.HostNames.OrderBy(h => h.Id).Select(h => h.HostName).FirstOrDefault()))
            .FirstOrDefaultAsync(cancellationToken);
        return info;
    }
}

/// <summary>The bounded memory behind <see cref="TenantDirectory"/>; a singleton so every scope shares it.</summary>
public sealed class TenantDirectoryCache : IDisposable
{
    /// <summary>Entries, not bytes: a few hundred bytes each, so 8,192 entries stay within a few MB.</summary>
    public const int Capacity = 8192;

    public MemoryCache Memory { get; } = new(new MemoryCacheOptions { SizeLimit = Capacity, CompactionPercentage = 0.25 });

    public void Dispose() => Memory.Dispose();
}
