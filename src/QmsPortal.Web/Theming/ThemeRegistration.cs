namespace QmsPortal.Web.Theming;

public static class ThemeRegistration
{
    public static IServiceCollection AddThemes(this IServiceCollection services)
    {
        services.AddSingleton<ThemeCatalog>();
        services.AddScoped<SiteChrome>();
        services.AddScoped<StaffNavigation>();
        return services;
    }

    /// <summary>Lets a feature add a link to every commune's navigation.</summary>
    public static IServiceCollection AddCommuneNavItem(this IServiceCollection services, string text, string relativePath, int order) =>
        services.Configure<CommuneNavigationOptions>(o => o.Items.Add(new CommuneNavItem(text, relativePath, order)));

    /// <summary>
    /// Lets a feature add a link to the staff navigation of every commune: <paramref name="pathAfterSlug"/> is relative to
    /// the commune ("tai-lieu"), and the link is shown only to whom <paramref name="policy"/> (the page's own authorization
    /// policy) admits there. Lower <paramref name="order"/> comes first. <paramref name="counter"/>: an
    /// <see cref="IStaffNavCounter"/> registered in DI whose text follows the link's.
    /// </summary>
    public static IServiceCollection AddStaffNavItem(this IServiceCollection services, string text, string pathAfterSlug, int order, string policy,
        Type? counter = null) =>
        services.Configure<StaffNavigationOptions>(o => o.Items.Add(new StaffNavItem(text, pathAfterSlug, order, policy, StaffNavArea.Commune, counter)));

    /// <summary>A staff link to a platform page (<paramref name="path"/> from the site root, "/admin"), on every page, for whom <paramref name="policy"/> admits.</summary>
    public static IServiceCollection AddPlatformNavItem(this IServiceCollection services, string text, string path, int order, string policy) =>
        services.Configure<StaffNavigationOptions>(o => o.Items.Add(new StaffNavItem(text, path, order, policy, StaffNavArea.Platform)));
}
