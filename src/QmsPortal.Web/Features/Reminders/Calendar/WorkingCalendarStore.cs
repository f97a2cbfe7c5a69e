using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;

namespace QmsPortal.Web.Features.Reminders.Calendar;

/// <summary>
/// The working-day calendar read from <see cref="CalendarDay"/> rows, kept in memory: it is read on every workspace
/// page and every reminder pass, and changes a few times a year (the recipe step and the admin page call
/// <see cref="Invalidate"/>). It is also re-read after <see cref="MaxAge"/>, because a <c>recipe apply</c> run as a
/// command-line verb writes the rows from another process, which cannot invalidate this one.
/// </summary>
public sealed class WorkingCalendarStore(IServiceScopeFactory scopes)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    private volatile Cached? _current;

    public async Task<WorkingCalendar> GetAsync(CancellationToken cancellationToken = default)
    {
        // Elapsed real time, not the portal's clock: freshness of a cache is not a business date (tests move the clock).
        if (_current is { } cached && Environment.TickCount64 - cached.ReadAt < MaxAge.TotalMilliseconds)
        {
            return cached.Calendar;
        }

        await using var scope = scopes.CreateAsyncScope();
        var days = await scope.ServiceProvider.GetRequiredService<QmsDbContext>().Set<CalendarDay>().AsNoTracking()
            .Select(d => new { d.Date, d.Kind }).ToListAsync(cancellationToken);
        var calendar = new WorkingCalendar(
            days.Where(d => d.Kind == CalendarDayKind.Holiday).Select(d => d.Date).ToHashSet(),
            days.Where(d => d.Kind == CalendarDayKind.MakeUpWorkingDay).Select(d => d.Date).ToHashSet());
        _current = new Cached(calendar, Environment.TickCount64);
        return calendar;
    }

    /// <summary>After the calendar's rows change.</summary>
    public void Invalidate() => _current = null;

    private sealed record Cached(WorkingCalendar Calendar, long ReadAt);
}
