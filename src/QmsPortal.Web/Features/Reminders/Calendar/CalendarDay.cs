using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace QmsPortal.Web.Features.Reminders.Calendar;

public enum CalendarDayKind
{
    /// <summary>A public holiday or a day off in lieu (nghỉ lễ, nghỉ Tết, nghỉ bù).</summary>
    Holiday,

    /// <summary>A Saturday or Sunday the government names as a working day (ngày làm bù).</summary>
    MakeUpWorkingDay,
}

/// <summary>
/// A day that is not what its weekday says. National, so platform data: every commune counts working days the same
/// way. Written by the recipe step <c>working-calendar</c>, one year at a time.
/// </summary>
public sealed class CalendarDay
{
    public const int NameMaxLength = 200;

    public DateOnly Date { get; set; }
    public CalendarDayKind Kind { get; set; }
    public string Name { get; set; } = "";
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> builder)
    {
        builder.ToTable("CalendarDays");
        builder.HasKey(d => d.Date);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Name).HasMaxLength(CalendarDay.NameMaxLength);
    }
}
