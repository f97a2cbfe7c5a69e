using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Features.Reminders;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Documents;
using QmsPortal.Web.Features.Documents.Reminders;
using QmsPortal.Web.Features.Reminders.Calendar;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Documents.Reminders;

/// <summary>Documents to bring in line with a new legal text, due 3 months after it takes effect.</summary>
public sealed class LegalChangeUpdateDueRuleTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly DateOnly Wednesday = new(2026, 11, 25);

    private Task RegisterAsync(TenantInfo commune, string number, DateOnly effective, int documentId, bool resolved = false) =>
        portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var text = LegalText.Register(number, "Văn bản thử nghiệm", effective, null, [documentId]);
            if (resolved)
            {
                text.Items[0].Resolve("Đã sửa mục 5.", new DocumentActor("u", "Người sửa", null), portal.Clock.GetUtcNow());
            }

            db.Add(text);
            await db.SaveChangesAsync();
        }, commune);

    [Fact]
    public async Task Updates_within_30_working_days_or_overdue_are_due_to_the_writers_and_resolved_or_distant_ones_are_not()
    {
        var commune = await portal.CreateCommuneAsync();
        var other = await portal.CreateCommuneAsync();
        var secretary = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary), (other, CommuneRole.QualitySecretary)]);
        var chair = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Approver), (other, CommuneRole.Approver)]);
        var document = await DocumentSeed.CreateAsync(portal, commune, "QT-05", RevisionStatus.Issued, secretary, chair);
        var elsewhere = await DocumentSeed.CreateAsync(portal, other, "QT-05", RevisionStatus.Issued, secretary, chair);
        await RegisterAsync(commune, "10/2026/NĐ-CP", new DateOnly(2026, 7, 1), document);    // due 01/10/2026: overdue
        await RegisterAsync(commune, "11/2026/NĐ-CP", new DateOnly(2026, 9, 1), document);    // due 01/12/2026: within 30 working days
        await RegisterAsync(commune, "12/2026/NĐ-CP", new DateOnly(2026, 12, 1), document);   // due 01/03/2027: not yet
        await RegisterAsync(commune, "13/2026/NĐ-CP", new DateOnly(2026, 7, 1), document, resolved: true);
        await RegisterAsync(other, "10/2026/NĐ-CP", new DateOnly(2026, 7, 1), elsewhere);

        var items = await RuleProbe.InCommuneAsync<LegalChangeUpdateDueRule>(portal, commune, Wednesday);

        Assert.Equal([new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 1)], items.Select(i => i.DueDate));
        Assert.All(items, i => Assert.Equal([CommuneRole.QualitySecretary, CommuneRole.CommuneAdmin], i.Roles));
        Assert.All(items, i => Assert.Equal($"tai-lieu/{document}", i.Path));
        Assert.Contains("theo văn bản 10/2026/NĐ-CP", items[0].Title, StringComparison.Ordinal);
        Assert.Equal(2, items.Select(i => i.ItemKey).Distinct().Count());
        Assert.True(items[0].IsOverdue(Wednesday));
        Assert.False(items[1].IsOverdue(Wednesday));
    }

    [Fact]
    public void The_steps_are_30_and_7_working_days_before_the_day_and_weekly_after()
    {
        var rule = RuleProbe.Rule<LegalChangeUpdateDueRule>(portal);
        var item = new Web.Features.Reminders.DueWork(rule.Key, 1, "legal:1", "Cập nhật", new DateOnly(2026, 12, 1), "tai-lieu/1");
        var calendar = WorkingCalendar.WeekendsOnly;

        Assert.Equal("truoc-30", rule.StepOn(item, new DateOnly(2026, 10, 21), calendar)?.Key);
        Assert.Equal("truoc-7", rule.StepOn(item, Wednesday, calendar)?.Key);
        Assert.Equal("qua-han-1", rule.StepOn(item, new DateOnly(2026, 12, 2), calendar)?.Key);
        Assert.Null(rule.StepOn(item, new DateOnly(2026, 9, 1), calendar));
    }
}
