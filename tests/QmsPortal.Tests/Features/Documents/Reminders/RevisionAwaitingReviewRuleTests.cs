using QmsPortal.Tests.Features.Reminders;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Features.Documents.Reminders;
using QmsPortal.Web.Features.Reminders.Calendar;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Documents.Reminders;

/// <summary>Revisions waiting for the member named to review them before approval.</summary>
public sealed class RevisionAwaitingReviewRuleTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly DateOnly Wednesday = new(2026, 11, 25);

    [Fact]
    public async Task The_named_reviewer_alone_is_due_to_review_until_they_sign()
    {
        var commune = await portal.CreateCommuneAsync();
        var other = await portal.CreateCommuneAsync();
        var secretary = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary), (other, CommuneRole.QualitySecretary)]);
        var vice = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Staff), (other, CommuneRole.Staff)]);
        var viceId = await DocumentSeed.UserIdAsync(portal, vice);
        var (documentId, revisionId) = await SubmittedRevisions.SubmitAsync(portal, commune, "QT-03", secretary, vice, portal.Clock.GetUtcNow());
        await SubmittedRevisions.SubmitAsync(portal, commune, "QT-04", secretary, null, portal.Clock.GetUtcNow());
        await SubmittedRevisions.SubmitAsync(portal, other, "QT-03", secretary, vice, portal.Clock.GetUtcNow());

        var item = Assert.Single(await RuleProbe.InCommuneAsync<RevisionAwaitingReviewRule>(portal, commune, Wednesday));

        Assert.Equal(($"rev:{revisionId}:{viceId}", viceId, new DateOnly(2026, 12, 2), $"tai-lieu/{documentId}?ban={revisionId}"),
            (item.ItemKey, item.UserId, item.DueDate, item.Path));
        Assert.True(item.IsFor(viceId, new HashSet<CommuneRole>()));
        Assert.False(item.IsFor(await DocumentSeed.UserIdAsync(portal, secretary), new HashSet<CommuneRole> { CommuneRole.Approver, CommuneRole.QualitySecretary }));

        await SubmittedRevisions.ReviewAsync(portal, commune, documentId, vice, portal.Clock.GetUtcNow());
        Assert.Empty(await RuleProbe.InCommuneAsync<RevisionAwaitingReviewRule>(portal, commune, Wednesday));
    }

    [Fact]
    public void An_overdue_review_is_reminded_weekly_counting_working_days_only()
    {
        var rule = RuleProbe.Rule<RevisionAwaitingReviewRule>(portal);
        var item = new Web.Features.Reminders.DueWork(rule.Key, 1, "rev:1:u", "Xem xét QT-03", new DateOnly(2026, 12, 4), "tai-lieu/1?ban=1", UserId: "u");

        // Friday's item on Saturday and Sunday is due, not overdue; Monday is the first overdue working day.
        Assert.Equal("den-han", rule.StepOn(item, new DateOnly(2026, 12, 6), WorkingCalendar.WeekendsOnly)?.Key);
        Assert.Equal("qua-han-1", rule.StepOn(item, new DateOnly(2026, 12, 7), WorkingCalendar.WeekendsOnly)?.Key);
        Assert.Null(rule.StepOn(item, new DateOnly(2026, 11, 20), WorkingCalendar.WeekendsOnly));
    }
}
