using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Recipes;
using QmsPortal.Web.Theming;

namespace QmsPortal.Web.Tenancy;

/// <summary>What it takes to create a commune; the same for the admin page, the command line and recipes.</summary>
public sealed record CommuneSpec(
    string Slug,
    string Name,
    string Code,
    string ProvinceCode,
    CommuneKind Kind,
    string Theme = "Default",
    IReadOnlyList<string>? HostNames = null,
    string? FormerNames = null);

/// <summary>
/// Creates communes and applies their recipes in one transaction. Idempotent by commune code: provisioning
/// an existing code updates it instead of failing, so recipes can be applied again.
/// </summary>
public sealed class CommuneProvisioner(QmsDbContext db, RecipeRunner recipes, TenantDirectory directory, ThemeCatalog themes, TimeProvider clock)
{
    /// <summary>Vietnamese messages keyed by field for everything wrong with the spec; empty when it can be created.</summary>
    public async Task<IReadOnlyList<(string Field, string Message)>> CheckAsync(CommuneSpec spec, CancellationToken cancellationToken = default)
    {
        var problems = new List<(string, string)>();
        Tenant candidate;
        try
        {
            candidate = Tenant.Create(spec.Slug, spec.Code, spec.Name, spec.ProvinceCode, spec.Kind);
            foreach (var host in spec.HostNames ?? [])
            {
                candidate.AddHostName(host);
            }
        }
        catch (DomainException e)
        {
            problems.Add((e.Field ?? "", e.Message));
            return problems;
        }

        if (!await db.Provinces.AnyAsync(p => p.Code == spec.ProvinceCode, cancellationToken))
        {
            problems.Add(("ProvinceCode", $"Không có tỉnh/thành phố mã \"{spec.ProvinceCode}\" trong danh mục 34 tỉnh, thành phố."));
        }

        if (themes.Find(spec.Theme) is null)
        {
            problems.Add(("Theme", $"Không có giao diện \"{spec.Theme}\"."));
        }

        var sameSlug = await db.Tenants.Where(t => t.Slug == candidate.Slug).Select(t => t.Code).FirstOrDefaultAsync(cancellationToken);
        if (sameSlug is not null && sameSlug != candidate.Code)
        {
            problems.Add(("Slug", $"Đường dẫn \"{candidate.Slug}\" đã thuộc về xã có mã {sameSlug}."));
        }

        var hostNames = candidate.HostNames.Select(h => h.HostName).ToList();
        var takenHost = await db.TenantHostNames.Where(h => hostNames.Contains(h.HostName))
            .Join(db.Tenants, h => h.TenantId, t => t.Id, (h, t) => new { h.HostName, t.Code })
            .FirstOrDefaultAsync(h => h.Code != candidate.Code, cancellationToken);
        if (takenHost is not null)
        {
            problems.Add(("HostNames", $"Tên miền \"{takenHost.HostName}\" đã thuộc về xã có mã {takenHost.Code}."));
        }

        return problems;
    }

    /// <summary>Creates (or updates, by code) the commune and applies the named recipes, all or nothing.</summary>
    public async Task<TenantInfo> ProvisionAsync(CommuneSpec spec, IReadOnlyList<string> recipeNames, CancellationToken cancellationToken = default)
    {
        var problems = await CheckAsync(spec, cancellationToken);
        if (problems.Count > 0)
        {
            throw new DomainException(string.Join(" ", problems.Select(p => p.Message)), problems[0].Field);
        }

        var loaded = new List<RecipeFile>();
        foreach (var name in recipeNames)
        {
            loaded.Add(await recipes.LoadAsync(name, cancellationToken));
        }

        var ownTransaction = db.Database.CurrentTransaction is null;
        await using var transaction = ownTransaction ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var tenant = await db.Tenants.Include(t => t.HostNames).FirstOrDefaultAsync(t => t.Code == spec.Code, cancellationToken);
        if (tenant is null)
        {
            tenant = Tenant.Create(spec.Slug, spec.Code, spec.Name, spec.ProvinceCode, spec.Kind);
            tenant.CreatedAt = clock.GetUtcNow();
            db.Tenants.Add(tenant);
        }
        else
        {
            tenant.SetSlug(spec.Slug);
            tenant.Rename(spec.Name);
            tenant.ProvinceCode = spec.ProvinceCode;
            tenant.Kind = spec.Kind;
        }

        tenant.Theme = spec.Theme;
        tenant.FormerNames = spec.FormerNames ?? tenant.FormerNames;
        foreach (var host in spec.HostNames ?? [])
        {
            tenant.AddHostName(host);
        }

        await db.SaveChangesAsync(cancellationToken);
        var province = await db.Provinces.Where(p => p.Code == tenant.ProvinceCode).Select(p => p.Name).FirstAsync(cancellationToken);
        var info = ToInfo(tenant, province);
        foreach (var recipe in loaded)
        {
            await recipes.ApplyAsync(recipe, info, cancellationToken);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        directory.Forget();
        return info;
    }

    public static TenantInfo ToInfo(Tenant t, string provinceName) => new(
        t.Id, t.Slug, t.Code, t.Name, t.Kind, t.ProvinceCode, provinceName, t.Theme, t.Status, t.DisabledReason, t.Address, t.Phone, t.OfficeHours);
}
