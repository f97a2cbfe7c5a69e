using QmsPortal.Web.Features.Reminders;
using QmsPortal.Web.Features.Tthc.Catalogue;
using QmsPortal.Web.Recipes;
using QmsPortal.Web.Search;
using QmsPortal.Web.Tenancy;
using QmsPortal.Web.Theming;

namespace QmsPortal.Web.Features.Tthc;

public static class TthcRegistration
{
    public static IServiceCollection AddTthc(this IServiceCollection services)
    {
        services.AddScoped<CatalogueImport>();
        services.AddScoped<CatalogueAccess>();
        services.AddScoped<Postings>();
        services.AddScoped<PostingCompleteness>();
        services.AddScoped<PublicTthc>();
        services.AddScoped<IRecipeStep, TthcCatalogueStep>();
        services.AddScoped<IRecipeStep, TthcPostingsStep>();
        services.AddCommuneNavItem("Thủ tục hành chính", "thu-tuc", 10);
        services.AddReminderRule<Reminders.StalePostingRule>();
        services.AddSearchSource<Search.TthcSearchSource>();
        services.AddSearchSource<Search.FeedbackSearchSource>();
        services.AddStaffNavItem("Niêm yết TTHC", "thu-tuc/quan-ly", 20, CommunePolicies.Author);
        services.AddStaffNavItem("Phản ánh của người dân", "thu-tuc/quan-ly/phan-anh", 30, CommunePolicies.Member);
        services.AddPlatformNavItem("Danh mục TTHC", "/quan-tri/danh-muc-tthc", 30, Shared.PortalWebRegistration.ProvinceCataloguePolicy);
        services.AddOpenApi();
        return services;
    }

    public static WebApplication UseTthc(this WebApplication app)
    {
        app.MapTthc();
        return app;
    }
}
