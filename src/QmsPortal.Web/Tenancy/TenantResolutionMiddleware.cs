namespace QmsPortal.Web.Tenancy;

/// <summary>
/// Finds the commune of a request: by host name first (<c>kydong.hatinh.gov.vn/thu-tuc</c> is served as
/// <c>/ky-dong/thu-tuc</c>), then by the first path segment. Runs before routing so the rewritten path routes.
/// An unknown commune is a 404; a disabled one gets the "tạm ngừng hoạt động" page (503).
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next)
{
    public const string DisabledTenantItem = "qms.disabled-tenant";

    public async Task InvokeAsync(HttpContext context, TenantDirectory directory, TenantContext tenantContext)
    {
        var host = context.Request.Host.Host.ToLowerInvariant();
        var byHost = IsLoopbackOrIp(host) ? null : await directory.FindByHostAsync(host, context.RequestAborted);
        var first = FirstSegment(context.Request.Path);

        TenantInfo? tenant = null;
        if (byHost is not null)
        {
            tenant = byHost;
            if (first != byHost.Slug && !IsPlatformPath(first))
            {
                context.Request.Path = "/" + byHost.Slug + context.Request.Path.Value;
            }
        }
        else if (first is not null && !IsPlatformPath(first) && SlugShape(first))
        {
            tenant = await directory.FindBySlugAsync(first, context.RequestAborted);
            if (tenant is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
        }

        if (tenant is not null && !IsPlatformPath(first))
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

    private static bool IsPlatformPath(string? segment) => segment is not null && Tenant.ReservedSlugs.Contains(segment);

    private static bool SlugShape(string segment) =>
        segment.Length is >= 2 and <= 60 && segment.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-');

    private static bool IsLoopbackOrIp(string host) =>
        host is "localhost" || System.Net.IPAddress.TryParse(host, out _);
}
