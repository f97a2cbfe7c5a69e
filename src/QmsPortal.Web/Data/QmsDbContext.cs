using System.Linq.Expressions;
using System.Reflection;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Data;

/// <summary>
/// The one DbContext. Features add their entities with an <see cref="IEntityTypeConfiguration{T}"/> in their
/// own folder; every <see cref="ITenantOwned"/> entity gets the tenant query filter automatically.
/// Two subclasses exist only so each engine keeps its own migrations.
/// </summary>
public class QmsDbContext : IdentityDbContext<PortalUser>
{
    private readonly TenantContext? _tenant;

    protected QmsDbContext(DbContextOptions options, TenantContext? tenant) : base(options) => _tenant = tenant;

    /// <summary>Read by the query filter on every query; null (no commune) matches no tenant-owned row.</summary>
    public int? CurrentTenantId => _tenant?.TenantId;

    public DbSet<Province> Provinces => Set<Province>();
    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<TenantHostName> TenantHostNames => Set<TenantHostName>();
    public DbSet<TenantMembership> Memberships => Set<TenantMembership>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(QmsDbContext).Assembly);

        foreach (var entity in builder.Model.GetEntityTypes())
        {
            if (typeof(ITenantOwned).IsAssignableFrom(entity.ClrType) && entity.BaseType is null)
            {
                ApplyTenantFilter.MakeGenericMethod(entity.ClrType).Invoke(this, [builder]);
                builder.Entity(entity.ClrType).HasIndex(nameof(ITenantOwned.TenantId));
            }
        }
    }

    private static readonly MethodInfo ApplyTenantFilter =
        typeof(QmsDbContext).GetMethod(nameof(FilterByTenant), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private void FilterByTenant<T>(ModelBuilder builder) where T : class, ITenantOwned
    {
        Expression<Func<T, bool>> filter = e => e.TenantId == CurrentTenantId;
        builder.Entity<T>().HasQueryFilter(filter);
    }
}

public sealed class SqliteQmsDbContext(DbContextOptions<SqliteQmsDbContext> options, TenantContext? tenant = null)
    : QmsDbContext(options, tenant);

public sealed class PostgresQmsDbContext(DbContextOptions<PostgresQmsDbContext> options, TenantContext? tenant = null)
    : QmsDbContext(options, tenant);
