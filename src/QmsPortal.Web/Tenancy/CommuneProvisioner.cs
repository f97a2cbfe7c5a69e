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
    /// <summary>
    /// Vietnamese messages keyed by field for everything wrong with the spec, all at once (a form shows every problem
    /// of one submit); empty when it can be created. A slug another commune holds gets a suggestion: commune names are
    /// not unique (two "Xã Tuyên Bình"), the commune code is the identity.
    /// </summary>
    public async Task<IReadOnlyList<(string Field, string Message)>> CheckAsync(CommuneSpec spec, CancellationToken cancellationToken = default)
    {
        var problems = new List<(string, string)>();
        var candidate = new Tenant { ProvinceCode = spec.ProvinceCode, Kind = spec.Kind };
        void Check(Action rule)
        {
            try
            {
                rule();
            }
            catch (DomainException e)
            {
                problems.Add((e.Field ?? "", e.Message));
            }
        }

        Check(() => candidate.SetSlug(spec.Slug));
        Check(() => candidate.SetCode(spec.Code));
        Check(() => candidate.Rename(spec.Name));
        foreach (var host in spec.HostNames ?? [])
        {
            Check(() => candidate.AddHostName(host));
        }

        var province = await db.Provinces.AsNoTracking().FirstOrDefaultAsync(p => p.Code == spec.ProvinceCode, cancellationToken);
        if (province is null)
        {
            problems.Add(("ProvinceCode", $"Không có tỉnh/thành phố mã \"{spec.ProvinceCode}\" trong danh mục 34 tỉnh, thành phố."));
        }

        if (themes.Find(spec.Theme) is null)
        {
            problems.Add(("Theme", $"Không có giao diện \"{spec.Theme}\"."));
        }

        var code = spec.Code.Trim();
        if (candidate.Slug.Length > 0)
        {
            var holder = await db.Tenants.AsNoTracking().Where(t => t.Slug == candidate.Slug)
                .Select(t => new { t.Code, t.Name, Province = t.Province!.Name }).FirstOrDefaultAsync(cancellationToken);
            if (holder is not null && holder.Code != code)
            {
                var suggestion = await SuggestSlugAsync(candidate.Slug, province, cancellationToken);
                problems.Add(("Slug", $"Đường dẫn \"{candidate.Slug}\" đã thuộc về {holder.Name} (mã {holder.Code}, {holder.Province}). "
                    + "Tên xã có thể trùng nhau, mã xã mới là định danh"
                    + (suggestion is null ? ": hãy chọn đường dẫn khác." : $": hãy dùng đường dẫn \"{suggestion}\" (kèm tên tỉnh).")));
            }
        }

        var hostNames = candidate.HostNames.Select(h => h.HostName).ToList();
        var takenHost = await db.TenantHostNames.Where(h => hostNames.Contains(h.HostName))
            .Join(db.Tenants, h => h.TenantId, t => t.Id, (h, t) => new { h.HostName, t.Code })
            .FirstOrDefaultAsync(h => h.Code != code, cancellationToken);
        if (takenHost is not null)
        {
            problems.Add(("HostNames", $"Tên miền \"{takenHost.HostName}\" đã thuộc về xã có mã {takenHost.Code}."));
        }

        return problems;
    }

    /// <summary>The first free slug of <see cref="Tenant.SlugSuggestions"/>, or null when the province is unknown or all are taken.</summary>
    private async Task<string?> SuggestSlugAsync(string slug, Province? province, CancellationToken cancellationToken)
    {
        if (province is null)
        {
            return null;
        }

        var candidates = Tenant.SlugSuggestions(slug, province.Name, province.Code);
        var taken = await db.Tenants.Where(t => candidates.Contains(t.Slug)).Select(t => t.Slug).ToListAsync(cancellationToken);
        return candidates.FirstOrDefault(c => !taken.Contains(c));
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
