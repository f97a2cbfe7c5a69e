namespace QmsPortal.Web.Tenancy;

/// <summary>
/// Finds the commune of a request: by host name first (<c>kydong.hatinh.gov.vn/thu-tuc</c> is served as
/// <c>/ky-dong/thu-tuc</c>), then by the first path segment. Runs before routing so the rewritten path routes.
/// An unknown commune is a 404; a disabled one gets the "tạm ngừng hoạt động" page (503). A host name that is
/// neither the platform's (<see cref="PortalOptions"/>), a loopback name nor a commune's is refused (400), so no
/// page is ever served under an address an attacker picked.
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next, PublicUrls urls, ILogger<TenantResolutionMiddleware> logger)
{
    public const string DisabledTenantItem = "qms.disabled-tenant";
    public const string UnknownHostItem = "qms.unknown-host";

    /// <summary>Platform pages that stay platform pages on a commune's own host name; every other path belongs to the commune.</summary>
    private static readonly string[] PlatformOnCommuneHost =
    [
        "/tai-khoan", "/admin", "/setup", "/healthz", "/loi", "/error", "/openapi", "/_content", "/_framework", "/css", "/js", "/lib",
        "/favicon.ico", "/robots.txt", "/api/tenants", "/quan-tri/danh-muc-tthc",
    ];

    public async Task InvokeAsync(HttpContext context, TenantDirectory directory, TenantContext tenantContext)
    {
        var host = context.Request.Host.Host.TrimEnd('.').ToLowerInvariant();
        var path = context.Request.Path;
        var byHost = PublicUrls.IsLoopback(host) || urls.IsPlatformHost(host) ? null : await directory.FindByHostAsync(host, context.RequestAborted);
        if (byHost is null && !PublicUrls.IsLoopback(host) && !urls.IsPlatformHost(host) && !IsUnder(path, "/healthz") && !IsUnder(path, "/loi"))
        {
            logger.LogWarning("Refused a request for unknown host {Host} ({Method} {Path})", host.Length > 100 ? host[..100] : host, context.Request.Method, path);
            context.Items[UnknownHostItem] = true;
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var first = FirstSegment(path);
        TenantInfo? tenant = null;
        if (byHost is not null)
        {
            if (!PlatformOnCommuneHost.Any(p => IsUnder(path, p)))
            {
                tenant = byHost;
                if (first != byHost.Slug)
                {
                    context.Request.Path = "/" + byHost.Slug + path.Value;
                }
            }
        }
        else if (first is not null && !Tenant.ReservedSlugs.Contains(first) && SlugShape(first))
        {
            tenant = await directory.FindBySlugAsync(first, context.RequestAborted);
            if (tenant is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
        }

        if (tenant is not null)
        {
            if (tenant.Status == TenantStatus.Disabled)
            {
                context.Items[DisabledTenantItem] = tenant;
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }

            tenantContext.Enter(tenant);
        }

        await next(context);
    }

    private static bool IsUnder(PathString path, string prefix) => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase);

    private static string? FirstSegment(PathString path)
    {
        var value = path.Value;
        if (string.IsNullOrEmpty(value) || value == "/")
        {
            return null;
        }

        var end = value.IndexOf('/', 1);
        return end < 0 ? value[1..] : value[1..end];
    }

    private static bool SlugShape(string segment) =>
        segment.Length is >= 2 and <= 60 && segment.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-');
}
