using Microsoft.AspNetCore.Authorization;

namespace QmsPortal.Web.Tenancy;

public static class TenancyRegistration
{
    public static IServiceCollection AddTenancy(this IServiceCollection services)
    {
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
