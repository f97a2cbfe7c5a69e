using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Features.Audits.Findings;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Audits;
using QmsPortal.Web.Features.Audits.Reminders;
using QmsPortal.Web.Features.Reminders;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Audits.Reminders;

public sealed class CorrectiveActionDueRuleTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private readonly CorrectiveActionDueRule _rule = new();

    [Fact]
    public async Task Open_actions_due_within_seven_working_days_go_to_their_owner_in_one_query_for_any_number_of_communes()
    {
        var office = await portal.OfficeAsync();
        var other = await portal.OfficeAsync();
        var today = portal.Today(); // Wednesday 25/11/2026
        var finding = await portal.FindingAsync(office, reference: "PH-2026-031");
        var overdue = await portal.ActionAsync(office, finding, office.Staff, today.AddDays(-3), plannedOn: today.AddDays(-10));
        var inSevenWorkingDays = await portal.ActionAsync(office, finding, office.Approver, new DateOnly(2026, 12, 4));
        await portal.ActionAsync(office, finding, office.Staff, new DateOnly(2026, 12, 7));
        await portal.ActionAsync(office, finding, office.Staff, today, doneOn: today);
        var elsewhere = await portal.ActionAsync(other, await portal.FindingAsync(other), other.Staff, today, plannedOn: today.AddDays(-1));

        var one = await portal.RunAsync(_rule, DueScope.Commune(office.Commune.Id));
        var all = await portal.RunAsync(_rule, DueScope.AllCommunes);

        Assert.Equal([$"ca:{overdue}:{today.AddDays(-3):yyyy-MM-dd}", $"ca:{inSevenWorkingDays}:2026-12-04"], one.Items.Select(i => i.ItemKey));
        var first = one.Items[0];
        Assert.Equal((office.Commune.Id, $"danh-gia/phat-hien/{finding}#hanh-dong-{overdue}", await AuditPeople.UserIdAsync(portal, office.Staff), (IReadOnlyList<CommuneRole>?)null),
            (first.TenantId, first.Path, first.UserId, first.Roles));
        Assert.StartsWith("Hành động khắc phục PH-2026-031: Lập sổ theo dõi", first.Title, StringComparison.Ordinal);
        Assert.Contains(all.Items, i => i.ItemKey.StartsWith($"ca:{elsewhere}:", StringComparison.Ordinal) && i.TenantId == other.Commune.Id);
        Assert.Equal((1, 1), (one.Queries, all.Queries));

        var calendar = await portal.CalendarAsync();
        Assert.Equal("truoc-7", _rule.StepOn(one.Items[1], today, calendar)!.Key);
        Assert.Equal("qua-han-1", _rule.StepOn(first, today, calendar)!.Key);
    }

    [Fact]
    public async Task A_reopened_action_with_a_new_due_date_is_a_new_item()
    {
        var office = await portal.OfficeAsync();
        var finding = await portal.FindingAsync(office);
        var action = await portal.ActionAsync(office, finding, office.Staff, portal.Today().AddDays(1));
        var before = Assert.Single((await portal.RunAsync(_rule, DueScope.Commune(office.Commune.Id))).Items);

        await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var entity = await db.Set<CorrectiveAction>().SingleAsync(a => a.Id == action);
            entity.Complete("Đã lập sổ.", portal.Today(), await portal.PersonAsync(office.Staff), portal.Clock.GetUtcNow());
            entity.CheckEffectiveness(false, "Vẫn còn hồ sơ trễ hạn.", portal.Today(), await portal.PersonAsync(office.Secretary), portal.Clock.GetUtcNow());
            entity.Reschedule(portal.Today().AddDays(2), portal.Today(), await portal.PersonAsync(office.Secretary), portal.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }, office.Commune);
        var after = Assert.Single((await portal.RunAsync(_rule, DueScope.Commune(office.Commune.Id))).Items);

        Assert.NotEqual(before.ItemKey, after.ItemKey);
        Assert.Equal(portal.Today().AddDays(2), after.DueDate);
    }
}
