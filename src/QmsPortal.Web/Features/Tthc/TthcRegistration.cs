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
        return services;
    }

    public static WebApplication UseTthc(this WebApplication app)
    {
        app.MapTthc();
        return app;
    }
}
