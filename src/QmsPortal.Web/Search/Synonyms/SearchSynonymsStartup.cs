using QmsPortal.Web.Recipes;

namespace QmsPortal.Web.Search.Synonyms;

/// <summary>
/// The national everyday-word table, applied at start-up once per version of the platform recipe
/// <c>search-synonyms</c> (a new version replaces the national table with the file's list; provinces' own rows are untouched).
/// </summary>
public static class SearchSynonymsStartup
{
    public const string RecipeName = "search-synonyms";

    public static Task ApplySearchSynonymsAsync(this IServiceProvider services, CancellationToken cancellationToken = default) =>
        services.ApplyPlatformRecipeOnceAsync(RecipeName, "Search synonyms",
            "search reads queries without the national everyday-word table", cancellationToken);
}
