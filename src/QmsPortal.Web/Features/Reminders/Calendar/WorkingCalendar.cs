namespace QmsPortal.Web.Features.Reminders.Calendar;

/// <summary>
/// Working days in Vietnam: Monday to Friday, except public holidays (nghỉ lễ, Tết), plus the Saturdays the
/// government names as make-up working days (ngày làm bù). The days come from data (a recipe, per year), not code,
/// because the Tết and bridge holidays are announced each year.
/// </summary>
public sealed class WorkingCalendar(IReadOnlySet<DateOnly> holidays, IReadOnlySet<DateOnly> makeUpWorkingDays)
{
    /// <summary>Weekends only: what a machine without calendar data knows.</summary>
    public static readonly WorkingCalendar WeekendsOnly = new(new HashSet<DateOnly>(), new HashSet<DateOnly>());

    public bool IsWorkingDay(DateOnly day) =>
        makeUpWorkingDays.Contains(day) || (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day));

    public bool IsHoliday(DateOnly day) => holidays.Contains(day);

    /// <summary>
    /// The day <paramref name="days"/> working days after <paramref name="from"/> (not counting <paramref name="from"/>);
    /// with 0, <paramref name="from"/> itself when it is a working day, else the next working day. Negative counts go back.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly from, int days)
    {
        if (days == 0)
        {
            var day = from;
            while (!IsWorkingDay(day))
            {
                day = day.AddDays(1);
            }

            return day;
        }

        var step = days > 0 ? 1 : -1;
        var left = Math.Abs(days);
        var current = from;
        while (left > 0)
        {
            current = current.AddDays(step);
            if (IsWorkingDay(current))
            {
                left--;
            }
        }

        return current;
    }

    /// <summary>Working days d with <paramref name="from"/> &lt; d ≤ <paramref name="to"/>; negative when <paramref name="to"/> is earlier.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }

        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }
}
