using QmsPortal.Web.Features.Provinces.Ranking;
using QmsPortal.Web.Theming;

namespace QmsPortal.Web.Features.Provinces;

/// <summary>
/// The province's side of the portal under <c>/tinh/{provinceCode}</c>: compliance across its communes, ranking,
/// charts, exports, the Ministry's yearly report and inspection planning. Each use case has its own sub-folder.
/// </summary>
public static class ProvincesRegistration
{
    public static IServiceCollection AddProvinces(this IServiceCollection services)
    {
        services.AddScoped<ProvinceAccess>();
        services.AddScoped<Compliance.ProvinceCompliance>();
        services.AddScoped<Charts.ProvinceCharts>();
        services.AddPlatformNavItem("Giám sát tỉnh", "/tinh", 15, Shared.PortalWebRegistration.CataloguePolicy);
        services.AddProvinceRanking();
        return services;
    }
}
