using QmsPortal.Web.Recipes;
using QmsPortal.Web.Theming;

namespace QmsPortal.Web.Features.Tthc;

public static class TthcRegistration
{
    public static IServiceCollection AddTthc(this IServiceCollection services)
    {
        services.AddScoped<CatalogueImport>();
        services.AddScoped<Postings>();
        services.AddScoped<PostingCompleteness>();
        services.AddScoped<PublicTthc>();
        services.AddScoped<IRecipeStep, TthcCatalogueStep>();
        services.AddScoped<IRecipeStep, TthcPostingsStep>();
        services.AddCommuneNavItem("Thủ tục hành chính", "thu-tuc", 10);
        services.AddOpenApi();
        services.AddOutputCache(o =>
        {
            // Sized for the hot set, not the national catalogue (shared/TOOLCHAIN.md: ~15 KB a page).
            o.SizeLimit = 64L * 1024 * 1024;
            o.MaximumBodySize = 256 * 1024;
            o.AddPolicy(PublicTthcCachePolicy.Name, new PublicTthcCachePolicy());
        });
        return services;
    }

    public static WebApplication UseTthc(this WebApplication app)
    {
        app.UseOutputCache();
        app.MapTthc();
        return app;
    }
}
