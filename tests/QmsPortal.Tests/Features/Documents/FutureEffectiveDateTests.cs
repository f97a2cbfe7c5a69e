using Microsoft.EntityFrameworkCore;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Features.Documents;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Documents;

/// <summary>
/// A revision issued with a later effective date is "Sắp có hiệu lực" everywhere until that day, and the revision it
/// replaces stays in force until then. One test in its own class: it moves the portal's clock, which the class shares.
/// </summary>
public sealed class FutureEffectiveDateTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Password = PortalFactory.DefaultPassword;

    [Fact]
    public async Task A_revision_issued_for_next_week_is_upcoming_on_every_page_until_the_clock_reaches_its_date()
    {
        var commune = await portal.CreateCommuneAsync();
        var secretaryEmail = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary)], fullName: "Nguyễn Thị Thư");
        var chairEmail = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Approver)], fullName: "Trần Văn Chính");
        var doc = $"/{commune.Slug}/tai-lieu";
        await DocumentSeed.CreateAsync(portal, commune, "MT-01", RevisionStatus.Issued, secretaryEmail, chairEmail, kind: DocumentKind.QualityObjectives, tthc: null);
        var policy = await DocumentSeed.CreateAsync(portal, commune, "CS-01", RevisionStatus.Issued, secretaryEmail, chairEmail, kind: DocumentKind.QualityPolicy, tthc: null,
            body: "Chính sách từ tuần sau.", effective: new DateOnly(2026, 12, 1));
        var revised = await DocumentSeed.CreateAsync(portal, commune, "QT-05", RevisionStatus.Issued, secretaryEmail, chairEmail, body: "Bản cũ đang áp dụng.");
        var secretary = await portal.SignedInAsync(secretaryEmail);
        var chair = await portal.SignedInAsync(chairEmail);

        // Revision 2 of QT-05 goes through the pages and is issued on 25/11/2026 to take effect on 01/12/2026.
        await Html.PostFormAsync(secretary, $"{doc}/{revised}", [], "NewRevision");
        await Html.PostFormAsync(secretary, $"{doc}/{revised}/sua", new() { ["Input.Body"] = "Bản mới từ tuần sau." }, "Save");
        var second = await DocumentSeed.RevisionIdAsync(portal, commune, revised, 2);
        var draft = $"{doc}/{revised}?ban={second}";
        await Html.PostFormAsync(secretary, draft, [], "Submit");
        await Html.PostFormAsync(chair, draft, new() { ["password"] = Password }, "Approve");
        await Html.PostFormAsync(secretary, draft, new() { ["effectiveDate"] = "2026-12-01", ["password"] = Password }, "Issue");
        Assert.Equal(RevisionStatus.Issued, await DocumentSeed.ReadAsync(portal, commune, db => db.Set<DocumentRevision>().Where(r => r.Id == second).Select(r => r.Status).SingleAsync()));

        // Today: the old revision applies, the new one is announced with its date, never called in force.
        var page = await Html.GetDocumentAsync(secretary, $"{doc}/{revised}");
        Assert.Contains("Đang hiệu lực", page.QuerySelector("#trang-thai-ban")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Bản cũ đang áp dụng.", page.QuerySelector("#noi-dung-tai-lieu")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("còn hiệu lực đến hết ngày 30/11/2026", page.QuerySelector("#trang-thai-ban")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Lần ban hành 2 sắp có hiệu lực từ ngày 01/12/2026", page.QuerySelector("#ban-sap-hieu-luc")!.TextContent, StringComparison.Ordinal);
        var upcoming = await Html.GetDocumentAsync(secretary, $"{doc}/{revised}?ban={second}");
        Assert.Contains("Sắp có hiệu lực từ 01/12/2026", upcoming.QuerySelector("#trang-thai-ban")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("CHƯA CÓ HIỆU LỰC", upcoming.QuerySelector(".watermark")!.TextContent);
        Assert.DoesNotContain("Đang hiệu lực", upcoming.QuerySelector("#cac-ban tbody tr:first-child")!.TextContent, StringComparison.Ordinal);

        var library = await Html.GetDocumentAsync(secretary, doc);
        var row = library.QuerySelector("tr[data-code='QT-05']")!;
        Assert.Contains("Đang hiệu lực", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Lần ban hành 2: Sắp có hiệu lực từ 01/12/2026", row.QuerySelector("[data-upcoming]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", row.QuerySelectorAll("td")[4].TextContent.Trim());
        var policyRow = library.QuerySelector("tr[data-code='CS-01']")!;
        Assert.Equal("upcoming", policyRow.QuerySelector("td[data-state]")!.GetAttribute("data-state"));
        Assert.DoesNotContain("Đang hiệu lực", policyRow.TextContent, StringComparison.Ordinal);

        var publicPage = await Html.GetDocumentAsync(portal.Anonymous(), $"/{commune.Slug}/iso");
        var publicRow = publicPage.QuerySelector("#quy-trinh tr[data-code='QT-05']")!;
        Assert.Equal("1", publicRow.QuerySelectorAll("td")[2].TextContent.Trim());
        Assert.Contains("Lần ban hành 2 sắp có hiệu lực từ 01/12/2026", publicRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("Sắp có hiệu lực từ 01/12/2026", publicPage.QuerySelector("#chinh-sach")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Đang hiệu lực", publicPage.QuerySelector("#chinh-sach")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Chính sách chất lượng do xã ban hành sắp có hiệu lực từ 01/12/2026", publicPage.QuerySelector("#bon-buoc li[data-step='1']")!.TextContent, StringComparison.Ordinal);

        Assert.Contains("Bản cũ đang áp dụng.", (await Html.GetDocumentAsync(secretary, $"{doc}/{revised}/in")).QuerySelector(".document-body")!.TextContent, StringComparison.Ordinal);
        var print = await Html.GetDocumentAsync(secretary, $"{doc}/{revised}/in?ban={second}");
        Assert.Contains("sắp có hiệu lực từ ngày 01/12/2026", print.QuerySelector("#tinh-trang-in")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("CHƯA CÓ HIỆU LỰC", print.QuerySelector(".watermark")!.TextContent);
        Assert.Contains("sắp có hiệu lực từ ngày 01/12/2026", (await Html.GetDocumentAsync(secretary, $"{doc}/{policy}/in")).QuerySelector("#tinh-trang-in")!.TextContent, StringComparison.Ordinal);

        // 00:30 on 01/12/2026 in Hà Nội: the new revision applies, the old one has been replaced, the policy counts.
        portal.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 17, 30, 0, TimeSpan.Zero));
        secretary = await portal.SignedInAsync(secretaryEmail);

        page = await Html.GetDocumentAsync(secretary, $"{doc}/{revised}");
        Assert.Contains("Đang hiệu lực", page.QuerySelector("#trang-thai-ban")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Bản mới từ tuần sau.", page.QuerySelector("#noi-dung-tai-lieu")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#ban-sap-hieu-luc"));
        var first = await DocumentSeed.RevisionIdAsync(portal, commune, revised, 1);
        Assert.Contains("Đã bị thay thế", (await Html.GetDocumentAsync(secretary, $"{doc}/{revised}?ban={first}")).QuerySelector("#trang-thai-ban")!.TextContent, StringComparison.Ordinal);
        row = (await Html.GetDocumentAsync(secretary, doc)).QuerySelector("tr[data-code='QT-05']")!;
        Assert.Null(row.QuerySelector("[data-upcoming]"));
        Assert.Equal("2", row.QuerySelectorAll("td")[4].TextContent.Trim());
        publicPage = await Html.GetDocumentAsync(portal.Anonymous(), $"/{commune.Slug}/iso");
        Assert.Equal("2", publicPage.QuerySelector("#quy-trinh tr[data-code='QT-05']")!.QuerySelectorAll("td")[2].TextContent.Trim());
        Assert.Contains("Đang hiệu lực", publicPage.QuerySelector("#chinh-sach")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("done", publicPage.QuerySelector("#bon-buoc li[data-step='1']")!.ClassName ?? "", StringComparison.Ordinal);
        Assert.Null((await Html.GetDocumentAsync(secretary, $"{doc}/{revised}/in")).QuerySelector("#tinh-trang-in"));
    }
}
