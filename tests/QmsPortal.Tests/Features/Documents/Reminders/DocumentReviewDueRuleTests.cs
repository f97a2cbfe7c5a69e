using QmsPortal.Tests.Features.Reminders;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Features.Documents;
using QmsPortal.Web.Features.Documents.Reminders;
using QmsPortal.Web.Features.Reminders;
using QmsPortal.Web.Features.Reminders.Calendar;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Documents.Reminders;

/// <summary>Documents in force whose periodic review (ISO 9001 7.5.2 c) falls due within 30 working days, or is overdue.</summary>
public sealed class DocumentReviewDueRuleTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly DateOnly Wednesday = new(2026, 11, 25);

    [Fact]
    public async Task Reviews_due_within_30_working_days_or_overdue_go_to_the_secretary_and_later_or_draft_ones_do_not()
    {
        var commune = await portal.CreateCommuneAsync();
        var other = await portal.CreateCommuneAsync();
        var secretary = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary), (other, CommuneRole.QualitySecretary)]);
        var chair = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Approver), (other, CommuneRole.Approver)]);
        // A 12-month interval: the review falls due a year after the effective date.
        var overdue = await DocumentSeed.CreateAsync(portal, commune, "QT-31", RevisionStatus.Issued, secretary, chair, effective: new DateOnly(2025, 10, 1));
        var soon = await DocumentSeed.CreateAsync(portal, commune, "QT-32", RevisionStatus.Issued, secretary, chair, effective: new DateOnly(2025, 12, 15));
        await DocumentSeed.CreateAsync(portal, commune, "QT-33", RevisionStatus.Issued, secretary, chair, effective: new DateOnly(2026, 6, 1));
        await DocumentSeed.CreateAsync(portal, commune, "QT-34", RevisionStatus.Draft, secretary);
        await DocumentSeed.CreateAsync(portal, other, "QT-31", RevisionStatus.Issued, secretary, chair, effective: new DateOnly(2025, 10, 1));

        var items = await RuleProbe.InCommuneAsync<DocumentReviewDueRule>(portal, commune, Wednesday);

        Assert.Equal([$"tai-lieu/{overdue}", $"tai-lieu/{soon}"], items.Select(i => i.Path));
        Assert.Equal([new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 15)], items.Select(i => i.DueDate));
        Assert.All(items, i => Assert.Equal([CommuneRole.QualitySecretary], i.Roles));
        Assert.Contains("QT-31", items[0].Title, StringComparison.Ordinal);
        // A new cycle (the review done, the next date a year on) is a new item, reminded afresh.
        Assert.EndsWith(":2026-10-01", items[0].ItemKey, StringComparison.Ordinal);
    }

    [Fact]
    public void The_steps_are_30_and_7_working_days_before_the_day_and_weekly_after()
    {
        var rule = new DocumentReviewDueRule();
        var due = new DateOnly(2027, 6, 16); // a Wednesday, no holiday within six weeks
        var item = new DueWork(rule.Key, 1, "doc:1:2027-06-16", "Xem xét định kỳ QT-01", due, "tai-lieu/1", Roles: [CommuneRole.QualitySecretary]);
        var calendar = WorkingCalendar.WeekendsOnly;

        Assert.Null(rule.StepOn(item, new DateOnly(2027, 5, 4), calendar));                       // 31 working days before
        Assert.Equal("truoc-30", rule.StepOn(item, new DateOnly(2027, 5, 5), calendar)!.Key);
        Assert.Equal("truoc-30", rule.StepOn(item, new DateOnly(2027, 6, 4), calendar)!.Key);     // 8 before
        Assert.Equal("truoc-7", rule.StepOn(item, new DateOnly(2027, 6, 7), calendar)!.Key);
        Assert.Equal("den-han", rule.StepOn(item, due, calendar)!.Key);
        Assert.Equal(("qua-han-1", 1), (rule.StepOn(item, new DateOnly(2027, 6, 17), calendar)!.Key, rule.StepOn(item, new DateOnly(2027, 6, 17), calendar)!.Overdue));
        Assert.Equal("qua-han-1", rule.StepOn(item, new DateOnly(2027, 6, 23), calendar)!.Key);   // 5 working days late
        Assert.Equal("qua-han-2", rule.StepOn(item, new DateOnly(2027, 6, 24), calendar)!.Key);
    }
}
