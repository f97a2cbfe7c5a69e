using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Reminders;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Audits.Reminders;

/// <summary>What the audit reminder rules share: short titles, and the communes a yearly rule speaks for.</summary>
internal static class AuditReminders
{
    private const int TitleText = 80;

    public static string Short(string text) => text.Length <= TitleText ? text : text[..(TitleText - 1)].TrimEnd() + "…";

    /// <summary>
    /// The active communes in the scope, in one query: a yearly rule reminds about what is missing, so it must know every
    /// commune, not only those with records (Tenants carries no tenant filter, so the scope is applied here).
    /// </summary>
    public static Task<List<int>> ActiveCommunesAsync(DueContext context, CancellationToken cancellationToken)
    {
        var tenants = context.Db.Tenants.AsNoTracking().Where(t => t.Status == TenantStatus.Active);
        if (context.Scope.TenantId is { } id)
        {
            tenants = tenants.Where(t => t.Id == id);
        }

        return tenants.OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The last day whose due work is within <paramref name="days"/> working days of today: the day before the working day
    /// after the horizon, so a due date on the weekend or holiday right after it (as many ends of month are) is included,
    /// as <see cref="ReminderSchedule.BeforeThenWeekly"/> counts it.
    /// </summary>
    public static DateOnly Horizon(DueContext context, int days) => context.Calendar.AddWorkingDays(context.Today, days + 1).AddDays(-1);

    /// <summary>31 December of today's year, once today is within <paramref name="daysBefore"/> working days of it; otherwise null.</summary>
    public static DateOnly? YearEndWithin(DueContext context, int daysBefore)
    {
        var yearEnd = new DateOnly(context.Today.Year, 12, 31);
        return context.Calendar.WorkingDaysBetween(context.Today, yearEnd) <= daysBefore ? yearEnd : null;
    }
}
