using QmsPortal.Tests.Features.Reminders;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Features.Documents.Reminders;
using QmsPortal.Web.Features.Reminders.Calendar;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Documents.Reminders;

/// <summary>Revisions waiting for an approver: straight after submission, or once the named reviewer has signed.</summary>
public sealed class RevisionAwaitingApprovalRuleTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    // The factory's clock: Wednesday 25/11/2026, 09:00 in Hà Nội.
    private static readonly DateOnly Wednesday = new(2026, 11, 25);

    [Fact]
    public async Task A_submitted_revision_is_due_to_the_approvers_a_week_of_working_days_later_and_another_communes_is_not_listed()
    {
        var commune = await portal.CreateCommuneAsync();
        var other = await portal.CreateCommuneAsync();
        var secretary = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary), (other, CommuneRole.QualitySecretary)]);
        var (documentId, revisionId) = await SubmittedRevisions.SubmitAsync(portal, commune, "QT-01", secretary, null, portal.Clock.GetUtcNow());
        await SubmittedRevisions.SubmitAsync(portal, other, "QT-01", secretary, null, portal.Clock.GetUtcNow());

        var items = await RuleProbe.InCommuneAsync<RevisionAwaitingApprovalRule>(portal, commune, Wednesday);

        var item = Assert.Single(items);
        Assert.Equal(($"rev:{revisionId}", new DateOnly(2026, 12, 2), $"tai-lieu/{documentId}?ban={revisionId}", "tai-lieu-phe-duyet"),
            (item.ItemKey, item.DueDate, item.Path, item.Rule));
        Assert.Equal([CommuneRole.Approver], item.Roles);
        Assert.Null(item.UserId);
        Assert.StartsWith("Phê duyệt QT-01", item.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revision_waiting_for_its_reviewer_is_not_the_approvers_until_the_review_is_signed()
    {
        var commune = await portal.CreateCommuneAsync();
        var secretary = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary)]);
        var vice = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Staff)]);
        var (documentId, _) = await SubmittedRevisions.SubmitAsync(portal, commune, "QT-02", secretary, vice, portal.Clock.GetUtcNow());

        Assert.Empty(await RuleProbe.InCommuneAsync<RevisionAwaitingApprovalRule>(portal, commune, Wednesday));

        // Reviewed on Friday: the approver's week of working days runs from then.
        await SubmittedRevisions.ReviewAsync(portal, commune, documentId, vice, new DateTimeOffset(2026, 11, 27, 3, 0, 0, TimeSpan.Zero));
        var item = Assert.Single(await RuleProbe.InCommuneAsync<RevisionAwaitingApprovalRule>(portal, commune, Wednesday));
        Assert.Equal(new DateOnly(2026, 12, 4), item.DueDate);
    }

    [Fact]
    public void Approvers_hear_at_once_then_on_the_due_day_then_weekly_while_it_waits()
    {
        var rule = RuleProbe.Rule<RevisionAwaitingApprovalRule>(portal);
        var item = new Web.Features.Reminders.DueWork(rule.Key, 1, "rev:1", "Phê duyệt QT-01", new DateOnly(2026, 12, 2), "tai-lieu/1?ban=1",
            Roles: [CommuneRole.Approver]);
        var calendar = WorkingCalendar.WeekendsOnly;

        Assert.Equal("truoc-5", rule.StepOn(item, Wednesday, calendar)?.Key);
        Assert.Equal("den-han", rule.StepOn(item, new DateOnly(2026, 12, 2), calendar)?.Key);
        Assert.Equal(("qua-han-1", 1), (rule.StepOn(item, new DateOnly(2026, 12, 3), calendar)?.Key, rule.StepOn(item, new DateOnly(2026, 12, 3), calendar)?.Overdue));
        Assert.Equal("qua-han-2", rule.StepOn(item, new DateOnly(2026, 12, 10), calendar)?.Key);
    }
}
