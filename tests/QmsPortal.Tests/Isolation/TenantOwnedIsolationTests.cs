using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Isolation;

/// <summary>
/// The mechanism under every feature: for each tenant-owned table the model knows (so features added later are
/// covered without new code), a commune's queries see only its own rows and a write of another's row is refused.
/// </summary>
public sealed class TenantOwnedIsolationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Every_tenant_owned_table_shows_a_commune_only_its_own_rows()
    {
        var a = await portal.CreateCommuneAsync(recipes: ["commune-starter"]);
        var b = await portal.CreateCommuneAsync(recipes: ["commune-starter"]);

        var types = await portal.InScopeAsync(sp => Task.FromResult(TenantOwnedTypes(sp.GetRequiredService<QmsDbContext>())));
        Assert.NotEmpty(types);
        var seenByA = await RowsByTenantAsync(a, types);
        var seenByB = await RowsByTenantAsync(b, types);
        var seenWithoutCommune = await RowsByTenantAsync(null, types);

        Assert.All(seenByA, row => Assert.True(row.Tenants.All(t => t == a.Id), $"{row.Type} shows another commune's rows to {a.Slug}"));
        Assert.All(seenByB, row => Assert.True(row.Tenants.All(t => t == b.Id), $"{row.Type} shows another commune's rows to {b.Slug}"));
        Assert.All(seenWithoutCommune, row => Assert.Empty(row.Tenants));
        // The starter recipe gives both communes rows, so the filter is shown to let their own rows through.
        Assert.Contains(seenByA, row => row.Tenants.Count > 0);
    }

    [Fact]
    public async Task Saving_a_row_of_another_commune_is_refused()
    {
        var a = await portal.CreateCommuneAsync(recipes: ["commune-starter"]);
        var b = await portal.CreateCommuneAsync(recipes: ["commune-starter"]);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            // IgnoreQueryFilters: the test itself must reach commune B's row to try writing it from commune A.
            var type = TenantOwnedTypes(db).First(t => Set(db, t.ClrType).IgnoreQueryFilters().Any(r => r.TenantId == b.Id));
            var row = await Set(db, type.ClrType).IgnoreQueryFilters().FirstAsync(r => r.TenantId == b.Id);
            db.Entry(row).State = EntityState.Modified;
            await db.SaveChangesAsync();
        }, a));

        Assert.Contains("Refused to write", error.Message);
    }

    private static List<IEntityType> TenantOwnedTypes(QmsDbContext db) =>
        db.Model.GetEntityTypes().Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType) && t.BaseType is null && !t.IsOwned()).ToList();

    private static IQueryable<ITenantOwned> Set(QmsDbContext db, Type type) =>
        (IQueryable<ITenantOwned>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(type).Invoke(db, null)!;

    private Task<List<(string Type, List<int> Tenants)>> RowsByTenantAsync(TenantInfo? commune, List<IEntityType> types) =>
        portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var result = new List<(string, List<int>)>();
            foreach (var type in types)
            {
                result.Add((type.ClrType.Name, await Set(db, type.ClrType).Select(r => r.TenantId).Distinct().ToListAsync()));
            }

            return result;
        }, commune);
}
