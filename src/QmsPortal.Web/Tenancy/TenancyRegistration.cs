using Microsoft.AspNetCore.Authorization;

namespace QmsPortal.Web.Tenancy;

public static class TenancyRegistration
{
    public static IServiceCollection AddTenancy(this IServiceCollection services)
    {
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section)
            .Configure<IHostEnvironment>((o, environment) =>
            {
                if (string.IsNullOrWhiteSpace(o.PublicBaseUrl) && environment.IsDevelopment())
                {
                    o.PublicBaseUrl = PortalOptions.DevelopmentBaseUrl;
                }
            })
            .Validate(o => PortalOptions.IsValidBaseUrl(o.PublicBaseUrl),
                "Portal:PublicBaseUrl must be the absolute http(s) address people use to reach the portal, e.g. https://iso.hatinh.gov.vn: links in e-mail and QR codes are built from it, never from the request.")
            .ValidateOnStart();
        services.AddSingleton<PublicUrls>();
        services.AddSingleton<TenantDirectoryCache>();
        services.AddSingleton<TenantDirectory>();
        services.AddScoped<CommuneProvisioner>();
        services.AddScoped<IAuthorizationHandler, CommuneRequirementHandler>();
        services.AddAuthorization(CommunePolicies.Add);
        services.AddScoped<Recipes.IRecipeStep, CommunesStep>();
        services.AddScoped<Recipes.IRecipeStep, CommuneSettingsStep>();
        return services;
    }
}
