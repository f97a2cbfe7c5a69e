using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;

namespace QmsPortal.Web.Features.Reminders.Calendar;

/// <summary>
/// The working-day calendar read from <see cref="CalendarDay"/> rows, kept in memory: it is read on every workspace
/// page and every reminder pass, and changes a few times a year (the recipe step calls <see cref="Invalidate"/>).
/// </summary>
public sealed class WorkingCalendarStore(IServiceScopeFactory scopes)
{
    private volatile WorkingCalendar? _current;

    public async Task<WorkingCalendar> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_current is { } cached)
        {
            return cached;
        }

        await using var scope = scopes.CreateAsyncScope();
        var days = await scope.ServiceProvider.GetRequiredService<QmsDbContext>().Set<CalendarDay>().AsNoTracking()
            .Select(d => new { d.Date, d.Kind }).ToListAsync(cancellationToken);
        var calendar = new WorkingCalendar(
            days.Where(d => d.Kind == CalendarDayKind.Holiday).Select(d => d.Date).ToHashSet(),
            days.Where(d => d.Kind == CalendarDayKind.MakeUpWorkingDay).Select(d => d.Date).ToHashSet());
        _current = calendar;
        return calendar;
    }

    /// <summary>After the calendar's rows change.</summary>
    public void Invalidate() => _current = null;
}
