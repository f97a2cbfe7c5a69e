using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;

namespace QmsPortal.Web.Recipes;

/// <summary>
/// National data every install needs, demo or not (the working calendar, the everyday-word table of search): a
/// platform recipe applied at start-up once per version, so a new version of the shipped file is applied at the next
/// start. A missing or bad file is logged, never a reason to stay down.
/// </summary>
public static class PlatformRecipeStartup
{
    /// <param name="what">What the recipe holds, for the log ("Working calendar").</param>
    /// <param name="withoutIt">What the portal does until the recipe is applied, for the log.</param>
    public static async Task ApplyPlatformRecipeOnceAsync(
        this IServiceProvider services, string recipeName, string what, string withoutIt, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PlatformRecipeStartup).FullName!);
        var runner = sp.GetRequiredService<RecipeRunner>();
        if (!runner.AvailableRecipes().Contains(recipeName))
        {
            logger.LogWarning("Recipe {Recipe} is not in the recipe folder: {WithoutIt}", recipeName, withoutIt);
            return;
        }

        var recipe = await runner.LoadAsync(recipeName, cancellationToken);
        var db = sp.GetRequiredService<QmsDbContext>();
        if (await db.Set<RecipeApplication>().AnyAsync(a => a.TenantId == null && a.Name == recipe.Name && a.Version == recipe.Version, cancellationToken))
        {
            return;
        }

        sp.GetRequiredService<CurrentActor>().ActAs("startup");
        try
        {
            await runner.ApplyAsync(recipe, null, cancellationToken);
            logger.LogInformation("{What} applied from recipe {Recipe} {Version}", what, recipe.Name, recipe.Version);
        }
        catch (DbUpdateException e)
        {
            // Two processes starting on one PostgreSQL: the other one wrote the same rows first; nothing is lost.
            logger.LogWarning(e, "{What} {Version} not applied here: another process applied it at the same time", what, recipe.Version);
        }
        catch (RecipeValidationException e)
        {
            // A bad edit of the shipped file must not keep the portal from starting; the log names the field.
            logger.LogError("{What} recipe not applied: {Errors}", what, e.Message);
        }
    }
}
