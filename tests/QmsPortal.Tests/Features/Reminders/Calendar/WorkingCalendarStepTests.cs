using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Reminders.Calendar;
using QmsPortal.Web.Recipes;

namespace QmsPortal.Tests.Features.Reminders.Calendar;

/// <summary>The recipe step working-calendar, and the calendar every install gets at start-up.</summary>
public sealed class WorkingCalendarStepTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private Task<List<CalendarDay>> DaysAsync(int year) => portal.InScopeAsync(sp =>
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        return sp.GetRequiredService<QmsDbContext>().Set<CalendarDay>().AsNoTracking().Where(d => d.Date >= from && d.Date <= to).OrderBy(d => d.Date).ToListAsync();
    });

    private Task<WorkingCalendar> CalendarAsync() => portal.InScopeAsync(sp => sp.GetRequiredService<WorkingCalendarStore>().GetAsync());

    private Task ApplyAsync(string path) => portal.InScopeAsync(async sp =>
    {
        var runner = sp.GetRequiredService<RecipeRunner>();
        await runner.ApplyAsync(await runner.LoadAsync(path), null);
    });

    private static string Write(string name, string years) => WriteRaw(name, $$"""
        { "name": "{{name}}", "version": "1.0.0", "description": "Thử lịch", "scope": "platform",
          "steps": [ { "step": "working-calendar", "years": {{years}} } ] }
        """);

    private static string WriteRaw(string name, string json)
    {
        var folder = Path.Combine(Path.GetTempPath(), "qms-recipes-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".recipe.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public async Task Every_install_gets_the_2025_to_2027_calendar_at_start_up_and_working_days_skip_tet()
    {
        var days2025 = await DaysAsync(2025);
        var days2026 = await DaysAsync(2026);
        var days2027 = await DaysAsync(2027);
        var calendar = await CalendarAsync();

        Assert.Contains(days2025, d => d.Date == new DateOnly(2025, 4, 26) && d.Kind == CalendarDayKind.MakeUpWorkingDay);
        Assert.Equal(9, days2025.Count(d => d.Name.StartsWith("Tết Nguyên đán", StringComparison.Ordinal)));
        Assert.Contains(days2026, d => d.Date == new DateOnly(2026, 2, 17) && d.Kind == CalendarDayKind.Holiday);
        Assert.Contains(days2026, d => d.Date == new DateOnly(2026, 4, 27) && d.Name.StartsWith("Nghỉ bù Giỗ Tổ", StringComparison.Ordinal));
        Assert.Contains(days2027, d => d.Date == new DateOnly(2027, 5, 3) && d.Kind == CalendarDayKind.Holiday);
        // Friday 13/02/2026 plus one working day: Monday 16 to Friday 20 are Tết, so it is Monday 23.
        Assert.Equal(new DateOnly(2026, 2, 23), calendar.AddWorkingDays(new DateOnly(2026, 2, 13), 1));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2025, 4, 26)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2025, 5, 2)));
        var applied = await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Set<RecipeApplication>()
            .CountAsync(r => r.TenantId == null && r.Name == WorkingCalendarStartup.RecipeName));
        Assert.Equal(1, applied);
    }

    [Fact]
    public async Task Applying_a_year_replaces_that_year_only_and_refreshes_the_calendar()
    {
        var before2026 = await DaysAsync(2026);
        Assert.True((await CalendarAsync()).IsHoliday(new DateOnly(2028, 1, 3)) is false);

        await ApplyAsync(Write("lich-2028", """
            [ { "year": 2028, "holidays": [ { "date": "2028-01-01", "name": "Tết Dương lịch" }, { "date": "2028-01-03", "name": "Nghỉ bù Tết Dương lịch" } ],
                "makeUpWorkingDays": [ { "date": "2028-01-08" } ] } ]
            """));
        Assert.True((await CalendarAsync()).IsHoliday(new DateOnly(2028, 1, 3)));

        await ApplyAsync(Write("lich-2028", """
            [ { "year": 2028, "holidays": [ { "date": "2028-01-01", "name": "Tết Dương lịch" } ] } ]
            """));

        var days = await DaysAsync(2028);
        var only = Assert.Single(days);
        Assert.Equal((new DateOnly(2028, 1, 1), CalendarDayKind.Holiday, "Tết Dương lịch"), (only.Date, only.Kind, only.Name));
        var calendar = await CalendarAsync();
        Assert.False(calendar.IsHoliday(new DateOnly(2028, 1, 3)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2028, 1, 8)));
        Assert.Equal(before2026.Select(d => (d.Date, d.Kind, d.Name)), (await DaysAsync(2026)).Select(d => (d.Date, d.Kind, d.Name)));
    }

    [Fact]
    public async Task A_make_up_day_without_a_name_is_called_a_make_up_day()
    {
        await ApplyAsync(Write("lich-2029", """
            [ { "year": 2029, "holidays": [ { "date": "2029-04-30", "name": "Ngày Chiến thắng" } ], "makeUpWorkingDays": [ { "date": "2029-04-28", "name": " " } ] } ]
            """));

        Assert.Equal("Ngày làm bù", (await DaysAsync(2029)).Single(d => d.Kind == CalendarDayKind.MakeUpWorkingDay).Name);
    }

    [Fact]
    public async Task Bad_days_are_named_by_step_and_field_and_nothing_is_applied()
    {
        var before = await DaysAsync(2026);
        var path = Write("lich-sai", """
            [ { "year": 2026, "holidays": [
                  { "date": "2026-01-01", "name": "Tết Dương lịch" },
                  { "date": "2027-01-01", "name": "Năm sau" },
                  { "date": "2026-02-30", "name": "Không có ngày này" },
                  { "date": "2026-05-02" },
                  { "date": "2026-05-09", "name": "Trùng làm bù" } ],
                "makeUpWorkingDays": [ { "date": "2026-05-05", "name": "Thứ Ba" }, { "date": "2026-05-16", "name": "Làm bù" }, { "date": "2026-05-09", "name": "Vừa nghỉ vừa làm" } ] } ]
            """);

        var error = await Assert.ThrowsAsync<RecipeValidationException>(() => ApplyAsync(path));

        Assert.All(error.Errors, e => Assert.Equal(("lich-sai.recipe.json", 1, "working-calendar"), (e.File, e.Step, e.StepName)));
        Assert.Contains(error.Errors, e => e.Field == "years[0].holidays[1].date" && e.Message.Contains("không thuộc năm 2026", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Field == "years[0].holidays[2].date" && e.Message.Contains("không hợp lệ", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Field == "years[0].holidays[3].name" && e.Message.Contains("Nhập tên ngày nghỉ", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Field == "years[0].makeUpWorkingDays[0].date" && e.Message.Contains("thứ Bảy hoặc Chủ nhật", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Field == "years[0].makeUpWorkingDays[2].date" && e.Message.Contains("vừa là ngày nghỉ vừa là ngày làm bù", StringComparison.Ordinal));
        Assert.Equal(5, error.Errors.Count);
        Assert.Equal(before.Select(d => (d.Date, d.Kind, d.Name)), (await DaysAsync(2026)).Select(d => (d.Date, d.Kind, d.Name)));
        Assert.Contains("bước 1 (\"working-calendar\"), trường \"years[0].holidays[1].date\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_year_given_twice_or_out_of_range_is_refused()
    {
        var error = await Assert.ThrowsAsync<RecipeValidationException>(() => ApplyAsync(Write("lich-lap", """
            [ { "year": 2030, "holidays": [] }, { "year": 2030, "holidays": [] } ]
            """)));
        var outOfRange = await Assert.ThrowsAsync<RecipeValidationException>(() => ApplyAsync(Write("lich-xa", """
            [ { "year": 1999, "holidays": [] } ]
            """)));

        Assert.Equal("years[1].year", Assert.Single(error.Errors).Field);
        Assert.Equal("years[0].year", Assert.Single(outOfRange.Errors).Field);
    }

    [Fact]
    public async Task The_step_belongs_in_platform_recipes_only()
    {
        var commune = await portal.CreateCommuneAsync();
        var path = WriteRaw("lich-xa-le", """
            { "name": "lich-xa-le", "version": "1.0.0", "description": "Thử", "scope": "commune",
              "steps": [ { "step": "working-calendar", "years": [ { "year": 2031, "holidays": [] } ] } ] }
            """);

        var error = await Assert.ThrowsAsync<RecipeValidationException>(() => portal.InScopeAsync(async sp =>
        {
            var runner = sp.GetRequiredService<RecipeRunner>();
            await runner.ApplyAsync(await runner.LoadAsync(path), commune);
        }));

        Assert.Equal("step", Assert.Single(error.Errors).Field);
    }
}
