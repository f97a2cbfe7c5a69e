using System.Net;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Features.Documents;
using QmsPortal.Tests.Features.Documents.Reminders;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Documents;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Reminders.Workspace;

/// <summary>"Việc của tôi": what waits for the signed-in member, overdue first, and its count on the commune home.</summary>
public sealed class WorkspacePageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private sealed record Setup(TenantInfo Commune, string Secretary, string Chair, string Staff, int Issued, int Submitted, int SubmittedRevision);

    private async Task<Setup> SetupAsync()
    {
        var commune = await portal.CreateCommuneAsync();
        var secretary = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary)]);
        var chair = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Approver)]);
        var staff = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Staff)]);
        var issued = await DocumentSeed.CreateAsync(portal, commune, "QT-01", RevisionStatus.Issued, secretary, chair);
        var (submitted, revision) = await SubmittedRevisions.SubmitAsync(portal, commune, "QT-02", secretary, null, portal.Clock.GetUtcNow());
        // An update overdue since 01/10/2026 (Thursday): 40 working days before Wednesday 25/11/2026.
        await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            db.Add(LegalText.Register("10/2026/NĐ-CP", "Văn bản thử nghiệm", new DateOnly(2026, 7, 1), null, [issued]));
            await db.SaveChangesAsync();
        }, commune);
        return new Setup(commune, secretary, chair, staff, issued, submitted, revision);
    }

    private static List<(string Rule, string Title, string Due, string Standing)> Rows(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("#viec-cua-toi tbody tr").Select(tr => (tr.GetAttribute("data-rule")!, tr.Children[0].TextContent.Trim(),
            tr.Children[2].TextContent.Trim(), tr.Children[3].TextContent.Trim())).ToList();

    [Fact]
    public async Task The_secretary_sees_the_overdue_update_first_then_the_reading_due_and_not_the_approvers_work()
    {
        var s = await SetupAsync();
        var secretary = await portal.SignedInAsync(s.Secretary);

        var page = await Html.GetDocumentAsync(secretary, $"/{s.Commune.Slug}/viec-cua-toi");
        var rows = Rows(page);

        // The periodic review of QT-01 (in force since 05/01/2026, yearly) falls due on 05/01/2027, within its 30 working
        // days; the commune has held no internal audit this year (due by 31/12, within 60 working days).
        Assert.Equal(["tai-lieu-van-ban-phap-ly", "tai-lieu-xac-nhan-doc", "danh-gia-noi-bo-hang-nam", "tai-lieu-xem-xet"], rows.Select(r => r.Rule));
        Assert.Equal(("01/10/2026", "quá hạn 39 ngày làm việc"), (rows[0].Due, rows[0].Standing));
        Assert.Equal(("04/12/2026", "còn 7 ngày làm việc"), (rows[1].Due, rows[1].Standing));
        Assert.Equal(("31/12/2026", "05/01/2027"), (rows[2].Due, rows[3].Due));
        Assert.Equal($"/{s.Commune.Slug}/tai-lieu/{s.Issued}", page.QuerySelector("#viec-cua-toi tbody tr a")!.GetAttribute("href"));
        Assert.Contains("4 việc đang chờ bạn, 1 việc quá hạn", page.QuerySelector("#tom-tat")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("tai-lieu-phe-duyet", rows.Select(r => r.Rule));
    }

    [Fact]
    public async Task The_approver_sees_the_submitted_revision_and_staff_only_their_own_reading()
    {
        var s = await SetupAsync();

        var chairRows = Rows(await Html.GetDocumentAsync(await portal.SignedInAsync(s.Chair), $"/{s.Commune.Slug}/viec-cua-toi"));
        var staffPage = await Html.GetDocumentAsync(await portal.SignedInAsync(s.Staff), $"/{s.Commune.Slug}/viec-cua-toi");

        // And, as chair, the year's management review that has not been held.
        Assert.Equal(["tai-lieu-phe-duyet", "tai-lieu-xac-nhan-doc", "xem-xet-lanh-dao-hang-nam"], chairRows.Select(r => r.Rule));
        var approval = chairRows.Single(r => r.Rule == "tai-lieu-phe-duyet");
        Assert.Equal(("02/12/2026", "còn 5 ngày làm việc"), (approval.Due, approval.Standing));
        Assert.Equal([("tai-lieu-xac-nhan-doc", "04/12/2026")], Rows(staffPage).Select(r => (r.Rule, r.Due)));
        Assert.Equal($"/{s.Commune.Slug}/tai-lieu/{s.Issued}", staffPage.QuerySelector("#viec-cua-toi tbody a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_home_shows_my_count_with_the_overdue_ones_and_it_drops_as_soon_as_I_act()
    {
        var s = await SetupAsync();
        var secretary = await portal.SignedInAsync(s.Secretary);

        var home = await Html.GetDocumentAsync(secretary, $"/{s.Commune.Slug}");
        var link = home.QuerySelector("#viec-cua-toi a")!;
        Assert.Equal(("Việc của tôi: 4, 1 quá hạn", $"/{s.Commune.Slug}/viec-cua-toi"), (link.TextContent.Trim(), link.GetAttribute("href")));
        Assert.Contains(home.QuerySelectorAll(".staff-nav a"), a => a.TextContent.Trim() == "Việc của tôi (4)");

        // Acknowledging is a POST in the commune: the cached count is dropped, not left for two minutes.
        var revision = await DocumentSeed.RevisionIdAsync(portal, s.Commune, s.Issued, 1);
        var posted = await DocumentSeed.PostHandlerAsync(secretary, $"/{s.Commune.Slug}/tai-lieu/{s.Issued}?revision={revision}", "Acknowledge");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        home = await Html.GetDocumentAsync(secretary, $"/{s.Commune.Slug}");
        Assert.Equal("Việc của tôi: 3, 1 quá hạn", home.QuerySelector("#viec-cua-toi a")!.TextContent.Trim());
    }

    [Fact]
    public async Task Anonymous_visitors_and_non_members_cannot_open_it_and_the_home_shows_them_no_count()
    {
        var s = await SetupAsync();
        var outsider = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(await portal.CreateCommuneAsync(), CommuneRole.Staff)]));

        Assert.Equal(HttpStatusCode.Redirect, (await portal.Anonymous().GetAsync($"/{s.Commune.Slug}/viec-cua-toi")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await outsider.GetAsync($"/{s.Commune.Slug}/viec-cua-toi")).StatusCode);
        Assert.Null((await Html.GetDocumentAsync(portal.Anonymous(), $"/{s.Commune.Slug}")).QuerySelector("#viec-cua-toi"));
        Assert.Null((await Html.GetDocumentAsync(outsider, $"/{s.Commune.Slug}")).QuerySelector("#viec-cua-toi"));
    }

    [Fact]
    public async Task A_member_with_nothing_waiting_is_told_so()
    {
        var commune = await portal.CreateCommuneAsync();
        var staff = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Staff)]));

        var page = await Html.GetDocumentAsync(staff, $"/{commune.Slug}/viec-cua-toi");

        Assert.NotNull(page.QuerySelector("#khong-co-viec"));
        Assert.Equal("Việc của tôi: 0", (await Html.GetDocumentAsync(staff, $"/{commune.Slug}")).QuerySelector("#viec-cua-toi a")!.TextContent.Trim());
    }
}
