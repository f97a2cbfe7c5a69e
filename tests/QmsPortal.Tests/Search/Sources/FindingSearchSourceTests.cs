using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Features.Audits;
using QmsPortal.Tests.Features.Audits.Findings;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Audits;
using QmsPortal.Web.Features.Audits.Search;
using QmsPortal.Web.Search;

namespace QmsPortal.Tests.Search.Sources;

public sealed class FindingSearchSourceTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Kind = "phat-hien";

    [Fact]
    public async Task Planning_a_corrective_action_on_the_finding_page_feeds_the_finding_and_its_text_loads_with_it()
    {
        var office = await portal.OfficeAsync();
        var finding = await portal.FindingAsync(office, reference: "PH-2026-101");
        var staff = await portal.PersonAsync(office.Staff);
        var mark = await portal.FeedMarkAsync();

        var response = await Html.PostFormAsync(await portal.SignedInAsync(office.Secretary), office.Finding(finding),
            FindingsKit.PlanFields(staff.UserId, portal.Today().AddDays(10)), "Plan");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new[] { (Kind, finding) }, (await portal.FeedSinceAsync(mark)).Where(f => f.Kind == Kind).Distinct().ToArray());
        var item = Assert.Single(await portal.LoadAsync(Kind, finding));
        Assert.Equal((office.Commune.Id, "42", SearchAudience.Readers), (item.TenantId, item.ProvinceCode, item.Audience));
        Assert.Equal("PH-2026-101", item.Code);
        Assert.Equal($"danh-gia/phat-hien/{finding}", item.PathInCommune);
        Assert.Contains("Hồ sơ số 12 trả trễ hạn 2 ngày", item.Body);
        Assert.Contains("Bổ sung bước theo dõi hạn trả vào quy trình", item.Body);
        Assert.Equal("Đang mở", item.Label);
        Assert.Equal(portal.Today(), item.Date);
    }

    [Fact]
    public async Task A_finding_with_an_overdue_action_is_labelled_overdue_and_named_for_the_day_it_became_so()
    {
        var office = await portal.OfficeAsync();
        var finding = await portal.FindingAsync(office, reference: "PH-2026-102");
        var due = portal.Today().AddDays(-3);
        await portal.ActionAsync(office, finding, office.Staff, due, plannedOn: due.AddDays(-7));

        Assert.Equal("Quá hạn", Assert.Single(await portal.LoadAsync(Kind, finding)).Label);
        var changing = await portal.InScopeAsync(sp => sp.GetServices<ISearchSource>().Single(s => s.Kind == "phat-hien").ChangingOn(sp.GetRequiredService<QmsDbContext>(), due.AddDays(1))!.ToListAsync());
        Assert.Contains(finding, changing);
    }

    [Fact]
    public async Task Deleting_a_finding_feeds_it_and_it_then_loads_as_nothing()
    {
        var office = await portal.OfficeAsync();
        var finding = await portal.FindingAsync(office, grade: FindingGrade.Observation, reference: "PH-2026-103");
        Assert.Contains(finding, await portal.AllIdsAsync(Kind));
        var mark = await portal.FeedMarkAsync();

        await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            db.Remove(await db.Set<Finding>().SingleAsync(f => f.Id == finding));
            await db.SaveChangesAsync();
        }, office.Commune);

        Assert.Equal(new[] { (Kind, finding) }, await portal.FeedSinceAsync(mark));
        Assert.Empty(await portal.LoadAsync(Kind, finding));
    }

    [Fact]
    public async Task A_save_that_breaks_the_unique_reference_leaves_no_feed_row()
    {
        var office = await portal.OfficeAsync();
        await portal.FindingAsync(office, reference: "PH-2026-104");
        var mark = await portal.FeedMarkAsync();

        await Assert.ThrowsAsync<DbUpdateException>(() => portal.FindingAsync(office, reference: "PH-2026-104"));

        Assert.Empty(await portal.FeedSinceAsync(mark));
        Assert.Equal(1, await portal.ReadAsync(office.Commune, db => db.Set<Finding>().CountAsync(f => f.Reference == "PH-2026-104")));
    }
}
