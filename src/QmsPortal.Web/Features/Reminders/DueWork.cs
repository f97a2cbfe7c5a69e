using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Reminders.Calendar;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Reminders;

/// <summary>
/// One piece of work that falls due in a commune, and who must do it: a named person (<see cref="UserId"/>), or
/// whoever holds one of <see cref="Roles"/> in that commune. <see cref="ItemKey"/> is stable and unique within the
/// rule (e.g. "rev:45", or "rev:45:user-id" when the same item is due separately per person), so a reminder is keyed
/// (rule, item, step, recipient). <see cref="Path"/> is relative to the commune's address ("tai-lieu/12").
/// </summary>
public sealed record DueWork(
    string Rule,
    int TenantId,
    string ItemKey,
    string Title,
    DateOnly DueDate,
    string Path,
    string? UserId = null,
    IReadOnlyList<CommuneRole>? Roles = null)
{
    public bool IsOverdue(DateOnly today) => DueDate < today;

    public bool IsFor(string userId, IReadOnlySet<CommuneRole> roles) =>
        UserId is not null ? string.Equals(UserId, userId, StringComparison.Ordinal) : Roles?.Any(roles.Contains) == true;
}

/// <summary>
/// Where a rule looks: one commune (the staff workspace, a commune's pages) or every commune at once (the reminder
/// pass, which must run a fixed number of queries however many communes there are). Rules read through
/// <see cref="Of{T}"/>, never through the request's tenant filter, so the same query serves both.
/// </summary>
public sealed record DueScope(int? TenantId)
{
    public static readonly DueScope AllCommunes = new((int?)null);

    public static DueScope Commune(int tenantId) => new(tenantId);

    public IQueryable<T> Of<T>(QmsDbContext db) where T : class, ITenantOwned
    {
        // Deliberately across communes: the pass reads all at once; a commune's scope filters by its id just below.
        var rows = db.Set<T>().IgnoreQueryFilters().AsNoTracking();
        return TenantId is { } id ? rows.Where(e => e.TenantId == id) : rows;
    }
}

/// <summary>What a rule needs to find its due work: the database, the scope, today in Asia/Ho_Chi_Minh and the working days.</summary>
public sealed record DueContext(QmsDbContext Db, DueScope Scope, DateOnly Today, WorkingCalendar Calendar);

/// <summary>
/// A reminder step reached by a due item: <see cref="Key"/> is stored with the reminder so each step is sent once
/// ("truoc-30", "truoc-7", "den-han", "qua-han-2"); <see cref="Text"/> is what the mail says ("còn 7 ngày làm việc").
/// <see cref="Overdue"/> counts working days past the due date (0 when not overdue), for escalation.
/// </summary>
public sealed record ReminderStep(string Key, string Text, int Overdue = 0);

/// <summary>
/// One kind of due work (document review, corrective action, …): a small class with its own test. It finds what is
/// due, in any scope, and says which reminder step an item has reached on a day. The staff workspace lists what
/// <see cref="FindAsync"/> returns; the reminder pass mails the steps.
/// </summary>
public interface IReminderRule
{
    /// <summary>Stable key stored with every reminder sent (e.g. "tai-lieu-xem-xet"); never rename.</summary>
    string Key { get; }

    /// <summary>Vietnamese heading of the group in the workspace and the digest (e.g. "Xem xét định kỳ tài liệu").</summary>
    string Label { get; }

    /// <summary>Every open item of this kind in the scope that is due within the rule's horizon (overdue ones included).</summary>
    Task<IReadOnlyList<DueWork>> FindAsync(DueContext context, CancellationToken cancellationToken = default);

    /// <summary>The reminder step the item has reached on <paramref name="today"/>, or null when nothing is to be sent yet.</summary>
    ReminderStep? StepOn(DueWork item, DateOnly today, WorkingCalendar calendar);
}

/// <summary>The schedules rules share. Days are working days (Asia/Ho_Chi_Minh, weekends and public holidays excluded).</summary>
public static class ReminderSchedule
{
    /// <summary>Every step after the due date starts with this ("qua-han-2"): how long ago such a step was sent matters less.</summary>
    public const string OverdueStepPrefix = "qua-han-";

    /// <summary>Working days in a week of overdue reminders.</summary>
    public const int WeekOfWorkingDays = 5;

    /// <summary>
    /// A reminder when the item comes within each of <paramref name="daysBefore"/> working days of its due date (the
    /// nearest threshold reached wins, so a day missed is caught up, not lost), one on the due date, then one per week
    /// of working days while it is overdue.
    /// </summary>
    public static ReminderStep? BeforeThenWeekly(DateOnly due, DateOnly today, WorkingCalendar calendar, params int[] daysBefore)
    {
        if (today > due)
        {
            var overdue = calendar.WorkingDaysBetween(due, today);
            if (overdue == 0)
            {
                // Past the due date only by days off (a due date on Friday, today Sunday): still "due", not a new step.
                return new ReminderStep("den-han", "đến hạn");
            }

            var week = (overdue - 1) / WeekOfWorkingDays + 1;
            return new ReminderStep($"{OverdueStepPrefix}{week}", $"quá hạn {overdue} ngày làm việc", overdue);
        }

        if (today == due)
        {
            return new ReminderStep("den-han", "đến hạn hôm nay");
        }

        var left = calendar.WorkingDaysBetween(today, due);
        var reached = daysBefore.Where(d => d > 0 && left <= d).DefaultIfEmpty(-1).Min();
        return reached < 0 ? null : new ReminderStep($"truoc-{reached}", $"còn {left} ngày làm việc");
    }
}
