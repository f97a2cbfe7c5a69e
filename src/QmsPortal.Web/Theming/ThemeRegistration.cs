namespace QmsPortal.Web.Theming;

public static class ThemeRegistration
{
    public static IServiceCollection AddThemes(this IServiceCollection services)
    {
        services.AddSingleton<ThemeCatalog>();
        services.AddScoped<SiteChrome>();
        return services;
    }

    /// <summary>Lets a feature add a link to every commune's navigation.</summary>
    public static IServiceCollection AddCommuneNavItem(this IServiceCollection services, string text, string relativePath, int order) =>
        services.Configure<CommuneNavigationOptions>(o => o.Items.Add(new CommuneNavItem(text, relativePath, order)));
}
