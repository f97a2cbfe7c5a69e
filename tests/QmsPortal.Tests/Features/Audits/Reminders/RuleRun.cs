using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Features.Audits.Findings;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Reminders;
using QmsPortal.Web.Features.Reminders.Calendar;

namespace QmsPortal.Tests.Features.Audits.Reminders;

/// <summary>A rule run as the workspace (one commune) or the reminder pass (every commune) runs it, counting its SQL commands.</summary>
internal static class RuleRun
{
    public sealed record Result(IReadOnlyList<DueWork> Items, int Queries);

    public static Task<Result> RunAsync(this PortalFactory portal, IReminderRule rule, DueScope scope, DateOnly? today = null) =>
        portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var calendar = await sp.GetRequiredService<WorkingCalendarStore>().GetAsync();
            using var counter = new ContextQueryCounter(db);
            var items = await rule.FindAsync(new DueContext(db, scope, today ?? portal.Today(), calendar));
            return new Result(items, counter.Count);
        });

    public static Task<WorkingCalendar> CalendarAsync(this PortalFactory portal) =>
        portal.InScopeAsync(sp => sp.GetRequiredService<WorkingCalendarStore>().GetAsync());
}
