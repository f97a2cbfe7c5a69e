using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Features.Reminders;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Documents;
using QmsPortal.Web.Features.Documents.Reminders;
using QmsPortal.Web.Features.Reminders.Calendar;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Documents.Reminders;

/// <summary>Issued revisions each member must confirm reading within 7 working days.</summary>
public sealed class AcknowledgementPendingRuleTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly DateOnly Wednesday = new(2026, 11, 25);

    [Fact]
    public async Task Each_member_who_has_not_acknowledged_has_an_item_of_their_own_due_7_working_days_after_issue()
    {
        // The starter recipe's templates are issued by the recipe: nobody is asked to acknowledge them.
        var commune = await portal.CreateCommuneAsync(recipes: ["commune-starter"]);
        var other = await portal.CreateCommuneAsync();
        var secretary = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary), (commune, CommuneRole.CommuneAdmin), (other, CommuneRole.QualitySecretary)]);
        var chair = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Approver), (other, CommuneRole.Approver)]);
        var staff = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Staff)]);
        var document = await DocumentSeed.CreateAsync(portal, commune, "QT-90", RevisionStatus.Issued, secretary, chair);
        await DocumentSeed.CreateAsync(portal, other, "QT-90", RevisionStatus.Issued, secretary, chair);
        var revision = await DocumentSeed.RevisionIdAsync(portal, commune, document, 1);
        var staffId = await DocumentSeed.UserIdAsync(portal, staff);
        await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            db.Add(new ReadAcknowledgement { DocumentId = document, RevisionId = revision, UserId = staffId, UserName = "Cán bộ", At = portal.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        }, commune);

        var items = await RuleProbe.InCommuneAsync<AcknowledgementPendingRule>(portal, commune, Wednesday);

        // One item per person (the secretary holds two roles), none for whoever has acknowledged.
        var expected = new[] { await DocumentSeed.UserIdAsync(portal, secretary), await DocumentSeed.UserIdAsync(portal, chair) }.Order(StringComparer.Ordinal);
        Assert.Equal(expected, items.Select(i => i.UserId!).Order(StringComparer.Ordinal));
        Assert.All(items, i => Assert.Equal((new DateOnly(2026, 12, 4), $"tai-lieu/{document}", $"ack:{revision}:{i.UserId}"), (i.DueDate, i.Path, i.ItemKey)));
        Assert.DoesNotContain(items, i => i.UserId == staffId);
    }

    [Fact]
    public void Nothing_is_mailed_before_the_7_days_are_up_then_on_the_day_and_weekly()
    {
        var rule = RuleProbe.Rule<AcknowledgementPendingRule>(portal);
        var item = new Web.Features.Reminders.DueWork(rule.Key, 1, "ack:1:u", "Đọc", new DateOnly(2026, 12, 4), "tai-lieu/1", UserId: "u");

        Assert.Null(rule.StepOn(item, Wednesday, WorkingCalendar.WeekendsOnly));
        Assert.Equal("den-han", rule.StepOn(item, new DateOnly(2026, 12, 4), WorkingCalendar.WeekendsOnly)?.Key);
        Assert.Equal("qua-han-1", rule.StepOn(item, new DateOnly(2026, 12, 7), WorkingCalendar.WeekendsOnly)?.Key);
    }
}
