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
            .Validate(o => o.TrustedProxies.All(p => System.Net.IPAddress.TryParse(p, out _)),
                "Portal:TrustedProxies must list IP addresses of reverse proxies, e.g. 10.0.0.2.")
            .ValidateOnStart();
        services.AddOptions<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>().Configure<Microsoft.Extensions.Options.IOptions<PortalOptions>>((forwarded, portal) =>
        {
            // Only the client address and scheme; never X-Forwarded-Host: the host is checked, not taken from a header.
            forwarded.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in portal.Value.TrustedProxies)
            {
                forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
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
