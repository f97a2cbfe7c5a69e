using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Recipes;

namespace QmsPortal.Web.Features.Reminders.Calendar;

/// <summary>
/// <c>"step": "working-calendar"</c> (platform recipes) — the public holidays and make-up working days of whole years:
/// <c>{"years": [{"year": 2026, "holidays": [{"date": "2026-01-01", "name": "Tết Dương lịch"}], "makeUpWorkingDays": [...]}]}</c>.
/// Each year given replaces that year's days (a year left out is untouched); the calendar cache is refreshed.
/// </summary>
public sealed class WorkingCalendarStep(QmsDbContext db, WorkingCalendarStore store) : IRecipeStep
{
    public string Name => "working-calendar";

    public RecipeScope Scope => RecipeScope.Platform;

    public Task ValidateAsync(RecipeStepContext step, CancellationToken cancellationToken)
    {
        Read(step, report: true);
        return Task.CompletedTask;
    }

    public async Task ApplyAsync(RecipeStepContext step, CancellationToken cancellationToken)
    {
        foreach (var (year, days) in Read(step, report: false))
        {
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year, 12, 31);
            await db.Set<CalendarDay>().Where(d => d.Date >= from && d.Date <= to).ExecuteDeleteAsync(cancellationToken);
            db.AddRange(days);
        }

        await db.SaveChangesAsync(cancellationToken);
        store.Invalidate();
    }

    /// <summary>The days of each year in the step; with <paramref name="report"/>, every problem is reported on its field.</summary>
    private static List<(int Year, List<CalendarDay> Days)> Read(RecipeStepContext step, bool report)
    {
        var result = new List<(int, List<CalendarDay>)>();
        var seenYears = new HashSet<int>();
        var i = 0;
        foreach (var entry in step.Json["years"] is JsonArray years ? years.OfType<JsonObject>() : [])
        {
            var field = $"years[{i++}]";
            var year = entry["year"] is JsonValue y && y.TryGetValue<int>(out var value) ? value : 0;
            if (CalendarDayRules.CheckYear(year) is { } badYear)
            {
                Report(step, report, field + ".year", badYear);
                continue;
            }

            if (!seenYears.Add(year))
            {
                Report(step, report, field + ".year", $"Năm {year} bị lặp trong bước: mỗi năm chỉ khai một lần.");
                continue;
            }

            var days = new Dictionary<DateOnly, (CalendarDay Day, string Field)>();
            foreach (var (list, kind) in new[] { ("holidays", CalendarDayKind.Holiday), ("makeUpWorkingDays", CalendarDayKind.MakeUpWorkingDay) })
            {
                var j = 0;
                foreach (var item in entry[list] is JsonArray array ? array.OfType<JsonObject>() : [])
                {
                    var itemField = $"{field}.{list}[{j++}]";
                    var text = (string?)item["date"];
                    if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    {
                        Report(step, report, itemField + ".date", $"Ngày \"{text}\" không hợp lệ (dạng yyyy-MM-dd, ví dụ {year}-01-01).");
                        continue;
                    }

                    if (date.Year != year)
                    {
                        Report(step, report, itemField + ".date", $"Ngày {Text.VietnameseFormat.Date(date)} không thuộc năm {year}.");
                        continue;
                    }

                    var name = (string?)item["name"];
                    if (CalendarDayRules.CheckName(name, kind) is { } badName)
                    {
                        Report(step, report, itemField + ".name", badName);
                        continue;
                    }

                    if (kind == CalendarDayKind.MakeUpWorkingDay && CalendarDayRules.CheckMakeUpDay(date) is { } weekday)
                    {
                        Report(step, report, itemField + ".date", weekday);
                        continue;
                    }

                    if (days.TryGetValue(date, out var earlier))
                    {
                        Report(step, report, itemField + ".date", earlier.Day.Kind == kind
                            ? $"Ngày {Text.VietnameseFormat.Date(date)} đã khai ở {earlier.Field}."
                            : CalendarDayRules.Both(date) + $" (xem {earlier.Field})");
                        continue;
                    }

                    days[date] = (new CalendarDay { Date = date, Kind = kind, Name = CalendarDayRules.StoredName(name, kind) }, itemField);
                }
            }

            result.Add((year, days.Values.Select(d => d.Day).OrderBy(d => d.Date).ToList()));
        }

        return result;
    }

    private static void Report(RecipeStepContext step, bool report, string field, string message)
    {
        if (report)
        {
            step.Error(field, message);
        }
    }
}
