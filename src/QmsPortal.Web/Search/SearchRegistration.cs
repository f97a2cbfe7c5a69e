using Microsoft.EntityFrameworkCore.Diagnostics;
using QmsPortal.Web.Features.Search;

namespace QmsPortal.Web.Search;

public static class SearchRegistration
{
    /// <summary>A feature's searchable content (see <see cref="ISearchSource"/>); sources are stateless singletons.</summary>
    public static IServiceCollection AddSearchSource<T>(this IServiceCollection services) where T : class, ISearchSource =>
        services.AddSingleton<ISearchSource, T>();

    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddScoped<SearchFeedInterceptor>();
        services.AddSearchPages();
        return services;
    }
}
