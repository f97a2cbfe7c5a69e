using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Documents;
using QmsPortal.Web.Features.Documents.Signatures;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Browser.Features;

public sealed class DocumentMarkdownXssTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private const string Vectors = """
        ## Thử XSS

        <script>window.__xss = 1; alert('script')</script>

        <img src="x" onerror="window.__xss = 2; alert('img')">

        <svg onload="window.__xss = 3; alert('svg')"></svg>

        [liên kết javascript](javascript:alert(1))

        [liên kết data](data:text/html,<script>alert(1)</script>)

        [liên kết viết hoa](JAVASCRIPT:alert(1))

        ![ảnh](javascript:alert(1))

        <a href="javascript:alert(1)">thẻ a thô</a>

        [an toàn](https://dichvucong.gov.vn)

        | Cột | Giá trị |
        |---|---|
        | a | <b onmouseover=alert(1)>b</b> |
        """;

    [Fact]
    public async Task Markdown_with_script_vectors_renders_as_text_and_never_runs_script()
    {
        var commune = await portal.CreateCommuneAsync();
        var email = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary)]);
        var id = await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var document = ControlledDocument.Create("QT-66", "Tài liệu thử XSS", DocumentKind.WorkInstruction, "Thư ký ISO", 12, null, null, false, Vectors,
                new DocumentActor("author", "Người soạn", null), portal.Clock.GetUtcNow());
            db.Add(document);
            await db.SaveChangesAsync();
            return document.Id;
        }, commune);
        var page = await portal.NewPageAsync(width: 1280, height: 900);
        var dialogs = 0;
        page.Dialog += async (_, dialog) =>
        {
            dialogs++;
            await dialog.DismissAsync();
        };

        await page.GotoAsync(portal.BaseUrl + "/tai-khoan/dang-nhap");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", PortalFactory.DefaultPassword);
        await page.ClickAsync("button[type=submit] >> text=Đăng nhập");
        foreach (var url in new[] { $"/{commune.Slug}/tai-lieu/{id}", $"/{commune.Slug}/tai-lieu/{id}/in" })
        {
            await page.GotoAsync(portal.BaseUrl + url);
            await page.Mouse.MoveAsync(200, 400);
            await page.WaitForTimeoutAsync(300);

            var body = page.Locator(".document-body");
            Assert.Equal(0, await body.Locator("script, img, svg, iframe, object, embed").CountAsync());
            Assert.Equal(0, await body.Locator("[onerror], [onload], [onmouseover]").CountAsync());
            var hrefs = await body.Locator("a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
            Assert.Equal(["https://dichvucong.gov.vn"], hrefs);
            Assert.Contains("<script>", await body.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains("liên kết javascript", await body.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(1, await body.Locator("table").CountAsync());
            Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"));
        }

        Assert.Equal(0, dialogs);
    }

    [Fact]
    public async Task An_issued_document_prints_on_A4_with_its_header_and_sign_off_and_no_navigation()
    {
        var commune = await portal.CreateCommuneAsync();
        var email = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Staff)]);
        var id = await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var at = portal.Clock.GetUtcNow();
            var document = ControlledDocument.Create("QT-02/CX-HCTP", "Quy trình kiểm soát hồ sơ", DocumentKind.SystemProcedure, "Thư ký ISO", 12, null, null, true,
                string.Join("\n\n", Enumerable.Range(1, 120).Select(i => $"Đoạn {i}: nội dung quy trình.")), new DocumentActor("a", "Nguyễn Thị Thư", "Thư ký ISO"), at);
            document.Submit(document.Revisions[0], new DocumentActor("a", "Nguyễn Thị Thư", "Thư ký ISO"), at);
            var signed = new SigningEvidence(CommuneRole.Approver, ReauthenticationMethod.Password,
                SignedContent.Of(document.Revisions[0].Title, document.Revisions[0].Body, []));
            document.Approve(document.Revisions[0], new DocumentActor("b", "Trần Văn Chính", "Chủ tịch UBND xã"), actorIsApprover: true, at, signed);
            document.Issue(document.Revisions[0], new DateOnly(2026, 2, 1), new DocumentActor("b", "Trần Văn Chính", "Chủ tịch UBND xã"), at, signed);
            db.Add(document);
            await db.SaveChangesAsync();
            return document.Id;
        }, commune);
        var page = await portal.NewPageAsync(width: 1280, height: 900, javaScript: false);
        await page.GotoAsync(portal.BaseUrl + "/tai-khoan/dang-nhap");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", PortalFactory.DefaultPassword);
        await page.ClickAsync("button[type=submit] >> text=Đăng nhập");
        await page.GotoAsync($"{portal.BaseUrl}/{commune.Slug}/tai-lieu/{id}/in");

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        // Staff pages carry two navigations (the site's and the staff's): neither prints.
        var navigations = await page.Locator("nav.site-nav").AllAsync();
        Assert.Equal(2, navigations.Count);
        foreach (var navigation in navigations)
        {
            Assert.False(await navigation.IsVisibleAsync());
        }
        Assert.Contains("QT-02/CX-HCTP", await page.Locator("#dau-trang").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Trần Văn Chính", await page.Locator("#ky-duyet").InnerTextAsync(), StringComparison.Ordinal);
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4" });
        Assert.True(pdf.Length > 5000);
    }
}
