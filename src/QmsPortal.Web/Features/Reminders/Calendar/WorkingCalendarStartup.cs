using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Recipes;

namespace QmsPortal.Web.Features.Reminders.Calendar;

/// <summary>
/// Every install needs the national calendar, demo or not, and a production platform starts empty: at start-up the
/// platform recipe <c>working-calendar</c> is applied once per version (a new version, e.g. with the next year's
/// announced days, is applied at the next start; the years it lists replace what was there, edits included).
/// </summary>
public static class WorkingCalendarStartup
{
    public const string RecipeName = "working-calendar";

    public static async Task ApplyWorkingCalendarAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WorkingCalendarStartup).FullName!);
        var runner = sp.GetRequiredService<RecipeRunner>();
        if (!runner.AvailableRecipes().Contains(RecipeName))
        {
            logger.LogWarning("Recipe {Recipe} is not in the recipe folder: working days count weekends only until a calendar is applied", RecipeName);
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
            logger.LogInformation("Working calendar applied from recipe {Recipe} {Version}", recipe.Name, recipe.Version);
        }
        catch (DbUpdateException e)
        {
            // Two processes starting on one PostgreSQL: the other one wrote the same days first; nothing is lost.
            logger.LogWarning(e, "Working calendar {Version} not applied here: another process applied it at the same time", recipe.Version);
        }
        catch (RecipeValidationException e)
        {
            // A bad edit of the shipped file must not keep the portal from starting; the log names the field.
            logger.LogError("Working calendar recipe not applied: {Errors}", e.Message);
        }
    }
}
