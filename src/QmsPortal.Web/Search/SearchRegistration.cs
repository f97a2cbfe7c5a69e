using QmsPortal.Web.Features.Search;
using QmsPortal.Web.Search.Lucene;

namespace QmsPortal.Web.Search;

public static class SearchRegistration
{
    /// <summary>Health checks with this tag answer only on /healthz/ready: a process may be alive and not yet ready.</summary>
    public const string ReadinessTag = "ready";

    /// <summary>A feature's searchable content (see <see cref="ISearchSource"/>); sources are stateless singletons.</summary>
    public static IServiceCollection AddSearchSource<T>(this IServiceCollection services) where T : class, ISearchSource =>
        services.AddSingleton<ISearchSource, T>();

    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<SearchFeedInterceptor>();
        services.AddSingleton<SearchSynonyms>();
        services.AddScoped<Recipes.IRecipeStep, Synonyms.SearchSynonymsStep>();
        services.AddSingleton<LuceneSearchIndex>();
        services.AddSingleton<ISearchIndex>(sp => sp.GetRequiredService<LuceneSearchIndex>());
        services.AddSingleton<SearchIndexer>();
        services.AddHostedService(sp => sp.GetRequiredService<SearchIndexer>());
        services.AddHealthChecks().AddCheck<SearchHealthCheck>("search", tags: [ReadinessTag]);
        services.AddSearchPages();
        return services;
    }
}
