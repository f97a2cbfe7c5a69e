using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Features.Documents;
using QmsPortal.Tests.Features.Documents.Reminders;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Documents;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Isolation;

/// <summary>"Việc của tôi" and its count in commune A never list commune B's work, even for a person who holds the same roles in both.</summary>
public sealed class WorkspaceIsolationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_workspace_of_commune_A_never_lists_Bs_items_for_a_member_of_both()
    {
        var a = await portal.CreateCommuneAsync();
        var b = await portal.CreateCommuneAsync();
        var both = await portal.CreateUserAsync(memberships: [(a, CommuneRole.Approver), (a, CommuneRole.QualitySecretary), (b, CommuneRole.Approver), (b, CommuneRole.QualitySecretary)]);
        var writer = await portal.CreateUserAsync(memberships: [(a, CommuneRole.QualitySecretary), (b, CommuneRole.QualitySecretary)]);
        var chair = await portal.CreateUserAsync(memberships: [(a, CommuneRole.Approver), (b, CommuneRole.Approver)]);
        await SubmittedRevisions.SubmitAsync(portal, a, "QT-21", writer, null, portal.Clock.GetUtcNow());
        var (bDraft, _) = await SubmittedRevisions.SubmitAsync(portal, b, "QT-77/BIMAT", writer, null, portal.Clock.GetUtcNow());
        var bIssued = await DocumentSeed.CreateAsync(portal, b, "QT-78/BIMAT", RevisionStatus.Issued, writer, chair);
        await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            db.Add(LegalText.Register("10/2026/NĐ-CP", "Văn bản của xã B", new DateOnly(2026, 7, 1), null, [bIssued]));
            await db.SaveChangesAsync();
        }, b);
        var client = await portal.SignedInAsync(both);

        var page = await Html.GetDocumentAsync(client, $"/{a.Slug}/viec-cua-toi");
        var home = await Html.GetDocumentAsync(client, $"/{a.Slug}");

        // A's own work: QT-21 to approve, and A's year without an internal audit or a management review.
        var rows = page.QuerySelectorAll("#viec-cua-toi tbody tr").Select(tr => tr.TextContent).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Single(rows, r => r.Contains("QT-", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("QT-21", StringComparison.Ordinal));
        Assert.DoesNotContain("BIMAT", page.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain($"/tai-lieu/{bDraft}", page.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain($"/{b.Slug}/", page.QuerySelector("main")!.InnerHtml, StringComparison.Ordinal);
        Assert.Equal("Việc của tôi: 3", home.QuerySelector("#viec-cua-toi a")!.TextContent.Trim());

        // And B's own page lists B's work (the items exist; A just never sees them).
        var bRows = (await Html.GetDocumentAsync(client, $"/{b.Slug}/viec-cua-toi")).QuerySelectorAll("#viec-cua-toi tbody tr").Select(tr => tr.TextContent).ToList();
        Assert.Contains(bRows, r => r.Contains("QT-77/BIMAT", StringComparison.Ordinal));
        Assert.Contains(bRows, r => r.Contains("QT-78/BIMAT", StringComparison.Ordinal));
    }
}
