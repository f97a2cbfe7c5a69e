using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Reminders.Calendar;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Reminders.Calendar;

/// <summary>/admin/lich-lam-viec: the platform administrator reads and edits a year's holidays and make-up days.</summary>
public sealed class WorkingDaysPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Page = "/admin/lich-lam-viec";

    private async Task<HttpClient> AdminAsync() => await portal.SignedInAsync(await portal.CreateUserAsync(platformRole: PlatformRoles.PlatformAdmin));

    private Task<WorkingCalendar> CalendarAsync() => portal.InScopeAsync(sp => sp.GetRequiredService<WorkingCalendarStore>().GetAsync());

    private Task<List<CalendarDay>> DaysAsync(int year) => portal.InScopeAsync(sp =>
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        return sp.GetRequiredService<QmsDbContext>().Set<CalendarDay>().AsNoTracking().Where(d => d.Date >= from && d.Date <= to).ToListAsync();
    });

    [Fact]
    public async Task The_year_lists_its_days_with_the_vietnamese_weekday()
    {
        var page = await Html.GetDocumentAsync(await AdminAsync(), Page + "?nam=2026");

        var tet = page.QuerySelector("#lich-lam-viec tr[data-date='2026-02-17']")!;
        Assert.Equal(["17/02/2026", "thứ Ba", "Ngày nghỉ", "Tết Nguyên đán Bính Ngọ (mùng 1)"], tet.QuerySelectorAll("td").Take(4).Select(td => td.TextContent.Trim()));
        Assert.Equal("Lịch làm việc năm 2026", page.QuerySelector("h1")!.TextContent);
        var thisYear = await Html.GetDocumentAsync(await AdminAsync(), Page);
        Assert.Equal("Lịch làm việc năm 2026", thisYear.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Adding_and_removing_a_day_changes_the_working_days_at_once()
    {
        var admin = await AdminAsync();
        var saturday = new DateOnly(2032, 1, 10);
        Assert.False((await CalendarAsync()).IsWorkingDay(saturday));

        var added = await Html.PostFormAsync(admin, Page + "?nam=2032", new() { ["Day.Date"] = "2032-01-10", ["Day.Kind"] = "MakeUpWorkingDay", ["Day.Name"] = "" }, handler: "Add");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.True((await CalendarAsync()).IsWorkingDay(saturday));
        var page = await Html.GetDocumentAsync(admin, added.Headers.Location!.ToString());
        Assert.Contains("Đã thêm ngày làm bù 10/01/2032 (thứ Bảy)", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Ngày làm bù", page.QuerySelector("#lich-lam-viec tr[data-date='2032-01-10'] td:nth-child(4)")!.TextContent);

        var removed = await Html.PostFormAsync(admin, Page + "?nam=2032", [], handler: "Remove");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Empty(await DaysAsync(2032));
        Assert.False((await CalendarAsync()).IsWorkingDay(saturday));
    }

    [Fact]
    public async Task Bad_days_are_refused_with_the_field_named_and_nothing_saved()
    {
        var admin = await AdminAsync();
        await Html.PostFormAsync(admin, Page + "?nam=2033", new() { ["Day.Date"] = "2033-01-03", ["Day.Kind"] = "Holiday", ["Day.Name"] = "Nghỉ bù Tết Dương lịch" }, handler: "Add");

        async Task<AngleSharp.Dom.IDocument> RefusedAsync(string date, string kind, string name)
        {
            var response = await Html.PostFormAsync(admin, Page + "?nam=2033", new() { ["Day.Date"] = date, ["Day.Kind"] = kind, ["Day.Name"] = name }, handler: "Add");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await Html.ParseAsync(response);
        }

        var weekday = await RefusedAsync("2033-01-04", "MakeUpWorkingDay", "Làm bù");
        var noName = await RefusedAsync("2033-01-05", "Holiday", " ");
        var both = await RefusedAsync("2033-01-03", "MakeUpWorkingDay", "Làm bù");
        var noDate = await RefusedAsync("", "Holiday", "Lễ");

        Assert.Contains("thứ Bảy hoặc Chủ nhật", Html.FieldError(weekday, "Day.Date"), StringComparison.Ordinal);
        Assert.Contains("Nhập tên ngày nghỉ", Html.FieldError(noName, "Day.Name"), StringComparison.Ordinal);
        Assert.Contains("thứ Bảy hoặc Chủ nhật", Html.FieldError(both, "Day.Date"), StringComparison.Ordinal);
        Assert.Contains("Chọn ngày", Html.FieldError(noDate, "Day.Date"), StringComparison.Ordinal);
        var day = Assert.Single(await DaysAsync(2033));
        Assert.Equal((new DateOnly(2033, 1, 3), CalendarDayKind.Holiday), (day.Date, day.Kind));
    }

    [Fact]
    public async Task A_day_already_in_the_calendar_is_not_added_twice_nor_as_the_other_kind()
    {
        var admin = await AdminAsync();
        await Html.PostFormAsync(admin, Page + "?nam=2034", new() { ["Day.Date"] = "2034-01-07", ["Day.Kind"] = "Holiday", ["Day.Name"] = "Nghỉ thử" }, handler: "Add");

        var again = await Html.PostFormAsync(admin, Page + "?nam=2034", new() { ["Day.Date"] = "2034-01-07", ["Day.Kind"] = "Holiday", ["Day.Name"] = "Lần hai" }, handler: "Add");
        var otherKind = await Html.PostFormAsync(admin, Page + "?nam=2034", new() { ["Day.Date"] = "2034-01-07", ["Day.Kind"] = "MakeUpWorkingDay", ["Day.Name"] = "Làm bù" }, handler: "Add");

        Assert.Contains("đã có trong lịch", Html.FieldError(await Html.ParseAsync(again), "Day.Date"), StringComparison.Ordinal);
        Assert.Contains("vừa là ngày nghỉ vừa là ngày làm bù", Html.FieldError(await Html.ParseAsync(otherKind), "Day.Date"), StringComparison.Ordinal);
        Assert.Equal("Nghỉ thử", Assert.Single(await DaysAsync(2034)).Name);
    }

    [Fact]
    public async Task Only_a_platform_administrator_opens_it()
    {
        var commune = await portal.CreateCommuneAsync();
        var communeAdmin = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(commune, CommuneRole.CommuneAdmin)]));

        var response = await communeAdmin.GetAsync(Page);
        var anonymous = await portal.Anonymous().GetAsync(Page);

        Assert.True(response.StatusCode == HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("khong-co-quyen", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("dang-nhap", anonymous.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
