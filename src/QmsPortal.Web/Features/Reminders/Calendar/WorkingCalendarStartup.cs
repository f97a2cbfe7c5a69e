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

    public static Task ApplyWorkingCalendarAsync(this IServiceProvider services, CancellationToken cancellationToken = default) =>
        services.ApplyPlatformRecipeOnceAsync(RecipeName, "Working calendar",
            "working days count weekends only until a calendar is applied", cancellationToken);
}
