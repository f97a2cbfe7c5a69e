using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Provinces.Ranking.Schemes;

/// <summary>Which scheme scores a province's communes on a day.</summary>
public sealed class SchemesInForce(QmsDbContext db)
{
    /// <summary>
    /// The province's scheme for the day's year with the highest version applied on or before that day (a day in
    /// Vietnam's time), so a past day is scored as the province saw it then; null when there was none.
    /// </summary>
    public async Task<Scheme?> OnAsync(string provinceCode, DateOnly day, CancellationToken cancellationToken = default)
    {
        var endOfDay = EndOfDayUtc(day);
        var row = await db.Set<ScoringScheme>().AsNoTracking()
            .Where(s => s.ProvinceCode == provinceCode && s.Year == day.Year && s.AppliedAt < endOfDay)
            .OrderByDescending(s => s.Version).FirstOrDefaultAsync(cancellationToken);
        return row?.ToScheme();
    }

    /// <summary>When the province's first scheme for the year was applied (to say why a day before it has no scores).</summary>
    public Task<DateTime?> FirstAppliedAsync(string provinceCode, int year, CancellationToken cancellationToken = default) =>
        db.Set<ScoringScheme>().AsNoTracking().Where(s => s.ProvinceCode == provinceCode && s.Year == year)
            .MinAsync(s => (DateTime?)s.AppliedAt, cancellationToken);

    /// <summary>The first instant (UTC) after <paramref name="day"/> ends in Vietnam.</summary>
    public static DateTime EndOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), VietnameseFormat.TimeZone);

    /// <summary>The day (in Vietnam) a UTC instant falls on, as pages show when a scheme was applied.</summary>
    public static DateOnly LocalDay(DateTime utc) =>
        DateOnly.FromDateTime(VietnameseFormat.Local(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc))).DateTime);
}
