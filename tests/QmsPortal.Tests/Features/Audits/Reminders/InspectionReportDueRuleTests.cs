using QmsPortal.Tests.Features.Audits.Findings;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Features.Audits.Reminders;
using QmsPortal.Web.Features.Reminders;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Audits.Reminders;

public sealed class InspectionReportDueRuleTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private readonly InspectionReportDueRule _rule = new();

    [Fact]
    public async Task Unsent_reports_due_within_twenty_working_days_go_to_who_records_them()
    {
        var office = await portal.OfficeAsync();
        var other = await portal.OfficeAsync();
        var overdue = await portal.InspectionAsync(office, new DateOnly(2026, 9, 20));          // due 20/11
        var soon = await portal.InspectionAsync(office, new DateOnly(2026, 10, 20));            // due 20/12 (Sunday): 17 working days
        await portal.InspectionAsync(office, new DateOnly(2026, 11, 20));                       // due 20/01/2027: too far
        await portal.InspectionAsync(office, new DateOnly(2026, 9, 1), reportedOn: new DateOnly(2026, 10, 1));
        var elsewhere = await portal.InspectionAsync(other, new DateOnly(2026, 9, 20));

        var one = await portal.RunAsync(_rule, DueScope.Commune(office.Commune.Id));
        var all = await portal.RunAsync(_rule, DueScope.AllCommunes);

        Assert.Equal([$"inspection:{overdue}", $"inspection:{soon}"], one.Items.Select(i => i.ItemKey));
        var item = one.Items[0];
        Assert.Equal((new DateOnly(2026, 11, 20), $"danh-gia/kiem-tra-cua-tinh/{overdue}", (string?)null), (item.DueDate, item.Path, item.UserId));
        Assert.Equal([CommuneRole.QualitySecretary, CommuneRole.CommuneAdmin], item.Roles!);
        Assert.Equal("Báo cáo khắc phục sau kiểm tra của Sở Khoa học và Công nghệ (biên bản ngày 20/09/2026)", item.Title);
        Assert.Contains(all.Items, i => i.ItemKey == $"inspection:{elsewhere}" && i.TenantId == other.Commune.Id);
        Assert.Equal((1, 1), (one.Queries, all.Queries));
        var calendar = await portal.CalendarAsync();
        Assert.Equal("truoc-20", _rule.StepOn(one.Items[1], portal.Today(), calendar)!.Key);
        Assert.Equal("qua-han-1", _rule.StepOn(item, portal.Today(), calendar)!.Key);
    }
}
