using Microsoft.AspNetCore.OutputCaching;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Shared;

/// <summary>Where a commune's cached public pages are evicted from.</summary>
public sealed class PublicPageCache(IOutputCacheStore store)
{
    public static string Tag(int tenantId) => "commune:" + tenantId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task EvictAsync(int tenantId, CancellationToken cancellationToken = default) =>
        await store.EvictByTagAsync(Tag(tenantId), cancellationToken);
}

/// <summary>
/// Output cache for a commune's anonymous public pages (home, TTHC, ISO page): tagged per commune so any change
/// citizens can see evicts that commune's pages at once (<see cref="PublicPageCache.EvictAsync"/>); keyed by host
/// and path plus the filter query; never for signed-in users or responses that set cookies.
/// </summary>
public sealed class PublicPageCachePolicy : IOutputCachePolicy
{
    public const string Name = "commune-public";
    private const string TempDataCookie = ".AspNetCore.Mvc.CookieTempDataProvider";

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var tenantId = http.RequestServices.GetRequiredService<TenantContext>().TenantId;
        var cacheable = tenantId is not null
            && http.User.Identity?.IsAuthenticated != true
            && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            && !http.Request.Headers.ContainsKey("Authorization")
            && !http.Request.Cookies.ContainsKey(TempDataCookie);
        if (cacheable)
        {
            http.Response.OnStarting(() =>
            {
                var cookies = http.Response.Headers.SetCookie;
                if (cookies.Count > 0 && cookies.All(c => c is not null && IsTempDataDeletion(c)))
                {
                    http.Response.Headers.Remove("Set-Cookie");
                }

                return Task.CompletedTask;
            });
        }

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.CacheVaryByRules.QueryKeys = "q";
        context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(10);
        if (tenantId is { } id)
        {
            context.Tags.Add(PublicPageCache.Tag(id));
        }

        return ValueTask.CompletedTask;
    }

    private static bool IsTempDataDeletion(string cookie) => cookie.StartsWith(TempDataCookie + "=;", StringComparison.Ordinal);

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        // The theme layout reads TempData, so every page "deletes" an absent TempData cookie (stripped in
        // CacheRequestAsync); any other cookie makes the response private.
        var cookies = response.Headers.SetCookie;
        if (cookies.Any(c => c is not null && !IsTempDataDeletion(c)))
        {
            context.AllowCacheStorage = false;
        }

        if (response.StatusCode != StatusCodes.Status200OK)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
