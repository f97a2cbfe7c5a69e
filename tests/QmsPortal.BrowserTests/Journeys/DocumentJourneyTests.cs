using Microsoft.Playwright;
using Xunit.Abstractions;

namespace QmsPortal.Tests.Browser.Journeys;

/// <summary>
/// A controlled document from draft to issued, each person in their own browser with the demo sign-ins: the quality
/// secretary drafts and submits it to the office's administrator for review, he signs the review, the chairman signs the
/// approval with his password, the secretary signs the issue.
/// Screenshots of each step are kept under the test artefacts.
/// </summary>
public sealed class DocumentJourneyTests(DemoBrowserPortal portal, ITestOutputHelper output) : IClassFixture<DemoBrowserPortal>
{
    private string _shots = "";

    [Fact]
    public async Task A_secretary_drafts_a_reviewer_signs_the_review_an_approver_signs_the_approval_and_the_secretary_signs_the_issue()
    {
        _shots = TestArtifacts.Folder("journeys/tai-lieu-du-thao-den-ban-hanh");
        output.WriteLine("Screenshots: " + _shots);
        var secretary = await SignedInAsync(DemoUsers.Secretary);
        var reviewer = await SignedInAsync(DemoUsers.CommuneAdmin);
        var approver = await SignedInAsync(DemoUsers.Approver);

        await secretary.GotoAsync(portal.BaseUrl + "/tuyen-binh/tai-lieu/moi");
        await secretary.GetByLabel("Loại tài liệu").SelectOptionAsync(new SelectOptionValue { Label = "Hướng dẫn" });
        await secretary.GetByLabel("Mã tài liệu").FillAsync("HD-07");
        await secretary.GetByLabel("Tên tài liệu").FillAsync("Hướng dẫn trả kết quả qua dịch vụ bưu chính công ích");
        await secretary.GetByLabel("Đơn vị/người chủ trì").FillAsync("Bộ phận Một cửa");
        await secretary.GetByLabel("Nội dung (Markdown)").FillAsync(
            "## 1. Mục đích\n\nTrả kết quả giải quyết thủ tục hành chính tại nhà qua bưu chính công ích.\n\n## 2. Các bước\n\n1. Ghi địa chỉ nhận trên phiếu hẹn.\n2. Bàn giao kết quả cho nhân viên bưu chính, ký sổ.\n");
        await ShotAsync(secretary, "1-soan-du-thao");
        await ClickAndWaitAsync(secretary, secretary.GetByRole(AriaRole.Button, new() { Name = "Lưu dự thảo" }));
        var documentUrl = secretary.Url;

        Assert.Equal("Dự thảo", await StatusAsync(secretary));
        var submit = secretary.Locator("#trinh-duyet");
        await submit.GetByLabel("Người xem xét trước khi phê duyệt").SelectOptionAsync(new SelectOptionValue { Label = "Hoàng Văn Quân — Văn phòng HĐND và UBND xã (Quản trị xã)" });
        await ClickAndWaitAsync(secretary, submit.GetByRole(AriaRole.Button, new() { Name = "Trình duyệt" }));
        Assert.Equal("Chờ xem xét", await StatusAsync(secretary));
        await ShotAsync(secretary, "2-da-trinh");

        // Until the named reviewer has signed, the approver is told whom the revision waits for and has nothing to sign.
        await approver.GotoAsync(documentUrl);
        Assert.Contains("Hoàng Văn Quân", await approver.Locator("#cho-xem-xet").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await approver.Locator("#ky-phe-duyet").CountAsync());

        await reviewer.GotoAsync(documentUrl);
        var review = reviewer.Locator("#ky-xem-xet");
        await review.GetByLabel("Ý kiến xem xét (không bắt buộc)").FillAsync("Nội dung phù hợp với quy định về dịch vụ bưu chính công ích.");
        await review.GetByLabel("Nhập lại mật khẩu để ký").FillAsync(DemoUsers.Password);
        await ShotAsync(reviewer, "3-ky-xem-xet");
        await ClickAndWaitAsync(reviewer, review.GetByRole(AriaRole.Button, new() { Name = "Ký xem xét" }));

        Assert.Equal("Chờ phê duyệt", await StatusAsync(reviewer));

        await approver.ReloadAsync();
        var approval = approver.Locator("#ky-phe-duyet");
        await approval.GetByLabel("Nhập lại mật khẩu để ký").FillAsync(DemoUsers.Password);
        await ShotAsync(approver, "4-ky-phe-duyet");
        await ClickAndWaitAsync(approver, approval.GetByRole(AriaRole.Button, new() { Name = "Ký phê duyệt" }));
        Assert.Equal("Đã phê duyệt", await StatusAsync(approver));

        await secretary.ReloadAsync();
        var issue = secretary.Locator("form", new() { Has = secretary.GetByRole(AriaRole.Button, new() { Name = "Ký ban hành" }) });
        await issue.GetByLabel("Nhập lại mật khẩu để ký").FillAsync(DemoUsers.Password);
        await ShotAsync(secretary, "5-ky-ban-hanh");
        await ClickAndWaitAsync(secretary, issue.GetByRole(AriaRole.Button, new() { Name = "Ký ban hành" }));

        Assert.Equal("Đang hiệu lực", await StatusAsync(secretary));
        var signatures = secretary.Locator("#chu-ky tbody tr");
        Assert.Equal(["Approval", "Issue", "Review"], (await signatures.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.meaning)")).Order().ToArray());
        Assert.Contains("Hoàng Văn Quân", await secretary.Locator("#chu-ky tr[data-meaning=Review]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Trần Văn Chính", await secretary.Locator("#chu-ky tr[data-meaning=Approval]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Nguyễn Thị Thư", await secretary.Locator("#chu-ky tr[data-meaning=Issue]").InnerTextAsync(), StringComparison.Ordinal);
        await ShotAsync(secretary, "6-da-ban-hanh");
        await ClickAndWaitAsync(secretary, secretary.GetByRole(AriaRole.Link, new() { Name = "Kiểm tra toàn vẹn" }));
        await ShotAsync(secretary, "7-kiem-tra-toan-ven");

        // The demo has no signed document, so the page list cannot show these two pages with signatures: check their width here.
        await secretary.SetViewportSizeAsync(360, 740);
        Assert.True(await secretary.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth") <= 360, "the integrity check is wider than a phone");
        await secretary.GotoAsync(documentUrl);
        Assert.True(await secretary.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth") <= 360, "the signed document is wider than a phone");
    }

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await portal.NewPageAsync(width: 1280, height: 900);
        await portal.SignInAsync(page, email, DemoUsers.Password);
        return page;
    }

    /// <summary>Clicks and waits for the next page: a form posts, and the portal answers with a redirect to the same address.</summary>
    private static async Task ClickAndWaitAsync(IPage page, ILocator target)
    {
        await BrowserPortal.NextPageAsync(page, () => target.ClickAsync());
        var refusals = await page.Locator("main .alert-error, main .field-error:not(:empty), main .validation-summary-errors").AllInnerTextsAsync();
        Assert.True(refusals.Count == 0, "the portal refused: " + string.Join(" ", refusals));
    }

    private static Task<string> StatusAsync(IPage page) => page.Locator("#trang-thai-ban .badge").InnerTextAsync();

    private async Task ShotAsync(IPage page, string name) => await page.ScreenshotAsync(new() { Path = Path.Combine(_shots, name + ".png"), FullPage = true });
}
