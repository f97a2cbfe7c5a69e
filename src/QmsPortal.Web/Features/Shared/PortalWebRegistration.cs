using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.WebEncoders;
using QmsPortal.Web.Tenancy;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Shared;

public static class PortalWebRegistration
{
    public static IServiceCollection AddPortalWeb(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.AuthorizeFolder("/Admin", PlatformAdminPolicy);
            })
            .AddMvcOptions(o => VietnameseMessages.Apply(o.ModelBindingMessageProvider));

        services.AddAuthorizationBuilder().AddPolicy(PlatformAdminPolicy, p => p.RequireRole(PlatformRoles.PlatformAdmin))
            .AddPolicy(ProvinceAuditorPolicy, p => p.RequireRole(PlatformRoles.ProvinceAuditor))
            .AddPolicy(CataloguePolicy, p => p.RequireRole(PlatformRoles.PlatformAdmin, PlatformRoles.ProvinceAuditor))
            .AddPolicy(ProvinceCataloguePolicy, p => p.RequireRole(PlatformRoles.PlatformAdmin, PlatformRoles.ProvinceAuditor, PlatformRoles.ProvinceEditor));

        // The default encoder writes every Vietnamese letter as &#x..; (+30% page size, shared/TOOLCHAIN.md).
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));

        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(VietnameseFormat.Culture);
            o.SupportedCultures = [VietnameseFormat.Culture];
            o.SupportedUICultures = [VietnameseFormat.Culture];
        });

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "qms.af";
            o.FormFieldName = "__qms_af";
        });
        services.AddProblemDetails();
        services.AddOutputCache(o =>
        {
            // Sized for the hot set, not the national catalogue (shared/TOOLCHAIN.md: ~15 KB a page).
            o.SizeLimit = 64L * 1024 * 1024;
            o.MaximumBodySize = 256 * 1024;
            o.AddPolicy(PublicPageCachePolicy.Name, new PublicPageCachePolicy());
        });
        services.AddScoped<PublicPageCache>();
        return services;
    }

    public const string PlatformAdminPolicy = "platform:admin";

    /// <summary>A province auditor (their province's communes are listed on /tai-khoan).</summary>
    public const string ProvinceAuditorPolicy = "platform:province-auditor";

    /// <summary>The province TTHC catalogue: platform administrators and province auditors.</summary>
    public const string CataloguePolicy = "platform:catalogue";

    /// <summary>
    /// Who may open the province TTHC catalogue pages: the above and province editors. Separate from
    /// <see cref="CataloguePolicy"/>, which the province search also uses and which an editor must not pass.
    /// </summary>
    public const string ProvinceCataloguePolicy = "platform:province-catalogue";

    /// <summary>
    /// Pages need no script of their own, so none may run: a second wall behind Markdown sanitising. Inline
    /// styles stay allowed for generated markup such as QR codes.
    /// </summary>
    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        headers.XFrameOptions = "DENY";
        return next();
    }

    public static WebApplication UsePortalWeb(this WebApplication app)
    {
        CultureInfo.DefaultThreadCurrentCulture = VietnameseFormat.Culture;
        CultureInfo.DefaultThreadCurrentUICulture = VietnameseFormat.Culture;

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/loi/500");
            app.UseHsts();
        }

        app.UseForwardedHeaders();
        app.Use(SecurityHeaders);
        app.UseStatusCodePagesWithReExecute("/loi/{0}");
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseMiddleware<TenantResolutionMiddleware>();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        // After routing, so a page's own request size limit applies before the body is read; after authorization, so
        // the body of a page the sender may not post to is never read at all; before anything else reads the form.
        app.UseMiddleware<RequestInputGuard>();
        app.UseAntiforgery();
        app.UseOutputCache();
        app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
        return app;
    }
}
