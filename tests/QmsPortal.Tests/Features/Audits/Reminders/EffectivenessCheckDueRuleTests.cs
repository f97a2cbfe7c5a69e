using QmsPortal.Tests.Features.Audits.Findings;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Features.Audits.Reminders;
using QmsPortal.Web.Features.Reminders;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Audits.Reminders;

public sealed class EffectivenessCheckDueRuleTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private readonly EffectivenessCheckDueRule _rule = new();

    [Fact]
    public async Task Done_actions_whose_check_falls_due_within_seven_working_days_go_to_the_quality_secretary()
    {
        var office = await portal.OfficeAsync();
        var other = await portal.OfficeAsync();
        var today = portal.Today(); // Wednesday 25/11/2026
        var finding = await portal.FindingAsync(office, reference: "PH-2026-044");
        var ready = await portal.ActionAsync(office, finding, office.Staff, today.AddDays(5), checkAfterDays: 0, doneOn: today);
        var inNineDays = await portal.ActionAsync(office, finding, office.Staff, today.AddDays(5), checkAfterDays: 9, doneOn: today); // Friday 04/12: 7 working days
        await portal.ActionAsync(office, finding, office.Staff, today.AddDays(5), checkAfterDays: 12, doneOn: today);
        await portal.ActionAsync(office, finding, office.Staff, today.AddDays(1));
        var elsewhere = await portal.ActionAsync(other, await portal.FindingAsync(other), other.Staff, today.AddDays(5), doneOn: today);

        var one = await portal.RunAsync(_rule, DueScope.Commune(office.Commune.Id));
        var all = await portal.RunAsync(_rule, DueScope.AllCommunes);

        Assert.Equal([$"check:{ready}:2026-11-25", $"check:{inNineDays}:2026-12-04"], one.Items.Select(i => i.ItemKey));
        var item = one.Items[0];
        Assert.Equal(((string?)null, $"danh-gia/phat-hien/{finding}#hanh-dong-{ready}"), (item.UserId, item.Path));
        Assert.Equal([CommuneRole.QualitySecretary], item.Roles!);
        Assert.StartsWith("Kiểm tra hiệu lực hành động khắc phục PH-2026-044", item.Title, StringComparison.Ordinal);
        Assert.Contains(all.Items, i => i.ItemKey == $"check:{elsewhere}:2026-11-25" && i.TenantId == other.Commune.Id);
        Assert.Equal((1, 1), (one.Queries, all.Queries));
        Assert.Equal("den-han", _rule.StepOn(item, today, await portal.CalendarAsync())!.Key);
    }
}
