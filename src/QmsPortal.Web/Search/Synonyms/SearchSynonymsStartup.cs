using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Recipes;

namespace QmsPortal.Web.Search.Synonyms;

/// <summary>
/// Every install needs the national everyday-word table, demo or not, and a production platform starts empty: at
/// start-up the platform recipe <c>search-synonyms</c> is applied once per version (a new version replaces the
/// national table with the file's list; provinces' own rows are untouched), like the working calendar.
/// </summary>
public static class SearchSynonymsStartup
{
    public const string RecipeName = "search-synonyms";

    public static async Task ApplySearchSynonymsAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SearchSynonymsStartup).FullName!);
        var runner = sp.GetRequiredService<RecipeRunner>();
        if (!runner.AvailableRecipes().Contains(RecipeName))
        {
            logger.LogWarning("Recipe {Recipe} is not in the recipe folder: search reads queries without the national everyday-word table", RecipeName);
            return;
        }

        var recipe = await runner.LoadAsync(RecipeName, cancellationToken);
        var db = sp.GetRequiredService<QmsDbContext>();
        if (await db.Set<RecipeApplication>().AnyAsync(a => a.TenantId == null && a.Name == recipe.Name && a.Version == recipe.Version, cancellationToken))
        {
            return;
        }

        sp.GetRequiredService<CurrentActor>().ActAs("startup");
        try
        {
            await runner.ApplyAsync(recipe, null, cancellationToken);
            logger.LogInformation("Search synonyms applied from recipe {Recipe} {Version}", recipe.Name, recipe.Version);
        }
        catch (DbUpdateException e)
        {
            // Two processes starting on one PostgreSQL: the other one wrote the same rows first; nothing is lost.
            logger.LogWarning(e, "Search synonyms {Version} not applied here: another process applied them at the same time", recipe.Version);
        }
        catch (RecipeValidationException e)
        {
            // A bad edit of the shipped file must not keep the portal from starting; the log names the field.
            logger.LogError("Search synonyms recipe not applied: {Errors}", e.Message);
        }
    }
}
