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

public sealed class YearlyManagementReviewRuleTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private readonly YearlyManagementReviewRule _rule = new();

    private Task<int> ReviewAsync(AuditOffice office, DateOnly heldOn, bool close) => portal.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<QmsDbContext>();
        var chair = await portal.PersonAsync(office.Approver);
        var review = ManagementReview.Open(heldOn, new DateOnly(heldOn.Year, 1, 1), heldOn, chair, true, null, "{}");
        if (close)
        {
            review.RecordOutputs(null, "Hệ thống phù hợp và được duy trì.", null, null, null);
            review.Close(chair, portal.Clock.GetUtcNow());
        }

        db.Add(review);
        await db.SaveChangesAsync();
        return review.Id;
    }, office.Commune);

    [Fact]
    public async Task Communes_without_closed_minutes_this_year_are_reminded_the_chair_of_a_draft_or_else_the_approvers()
    {
        var closed = await portal.OfficeAsync();
        var draft = await portal.OfficeAsync();
        var nothing = await portal.OfficeAsync();
        var lastYearOnly = await portal.OfficeAsync();
        await ReviewAsync(closed, new DateOnly(2026, 11, 20), close: true);
        var draftId = await ReviewAsync(draft, new DateOnly(2026, 11, 20), close: false);
        await ReviewAsync(lastYearOnly, new DateOnly(2025, 12, 10), close: true);

        var all = await portal.RunAsync(_rule, DueScope.AllCommunes);
        var one = await portal.RunAsync(_rule, DueScope.Commune(draft.Commune.Id));
        var october = await portal.RunAsync(_rule, DueScope.AllCommunes, new DateOnly(2026, 9, 1));

        var byCommune = all.Items.ToDictionary(i => i.TenantId);
        Assert.False(byCommune.ContainsKey(closed.Commune.Id));
        var ofDraft = byCommune[draft.Commune.Id];
        Assert.Equal((await AuditPeople.UserIdAsync(portal, draft.Approver), $"danh-gia/xem-xet-lanh-dao/{draftId}", "year:2026"),
            (ofDraft.UserId, ofDraft.Path, ofDraft.ItemKey));
        var ofNothing = byCommune[nothing.Commune.Id];
        Assert.Equal(((string?)null, "danh-gia/xem-xet-lanh-dao", new DateOnly(2026, 12, 31)), (ofNothing.UserId, ofNothing.Path, ofNothing.DueDate));
        Assert.Equal([CommuneRole.Approver], ofNothing.Roles!);
        Assert.Equal("Xem xét của lãnh đạo năm 2026: chưa họp hoặc chưa khóa biên bản", ofNothing.Title);
        Assert.True(byCommune.ContainsKey(lastYearOnly.Commune.Id));
        Assert.Equal(draft.Commune.Id, Assert.Single(one.Items).TenantId);
        Assert.Empty(october.Items);
        Assert.Equal((2, 2), (all.Queries, one.Queries));
        Assert.Equal("truoc-30", _rule.StepOn(ofNothing, portal.Today(), await portal.CalendarAsync())!.Key);
    }
}
