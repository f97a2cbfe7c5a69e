using QmsPortal.Web.Features.Shared;
using QmsPortal.Web.Search;
using QmsPortal.Web.Tenancy;
using QmsPortal.Web.Theming;

namespace QmsPortal.Web.Features.Search;

// Namespace SearchPages, not Search: feature code writes "Search.X" for QmsPortal.Web.Search (the engine seam), which a
// QmsPortal.Web.Features.Search namespace would shadow for every sibling feature.

/// <summary>What people touch of search: the commune and province pages, the API and the staff links. Called from AddSearch.</summary>
public static class SearchPagesRegistration
{
    public static IServiceCollection AddSearchPages(this IServiceCollection services)
    {
        services.AddScoped<SearchScopes>();
        services.AddSingleton<SearchKinds>();

        // Members reach the same page as citizens; their scope, not the address, widens what it finds.
        services.AddStaffNavItem("Tìm kiếm", "tim-kiem", 5, CommunePolicies.Member);
        services.AddPlatformNavItem("Tìm kiếm trong tỉnh", "/tinh/tim-kiem", 25, PortalWebRegistration.CataloguePolicy);
        return services;
    }
}
