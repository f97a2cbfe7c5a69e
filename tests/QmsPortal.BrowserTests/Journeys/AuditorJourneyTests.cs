using Microsoft.Playwright;
using Xunit.Abstractions;

namespace QmsPortal.Tests.Browser.Journeys;

/// <summary>
/// The demo province auditor of Quảng Trị signs in, opens a commune of the province and reads its procedure library;
/// a commune of another province stays closed. Screenshots of each step are kept under the test artefacts.
/// </summary>
public sealed class AuditorJourneyTests(DemoBrowserPortal portal, ITestOutputHelper output) : IClassFixture<DemoBrowserPortal>
{
    [Fact]
    public async Task A_province_auditor_signs_in_and_opens_a_commune_of_the_province_but_not_one_elsewhere()
    {
        var shots = TestArtifacts.Folder("journeys/kiem-tra-cap-tinh");
        output.WriteLine("Screenshots: " + shots);
        var page = await portal.NewPageAsync(width: 1280, height: 900);
        async Task ShotAsync(string name) => await page.ScreenshotAsync(new() { Path = Path.Combine(shots, name + ".png"), FullPage = true });

        await portal.SignInAsync(page, DemoUsers.ProvinceAuditor, DemoUsers.Password);

        Assert.EndsWith("/tai-khoan", page.Url, StringComparison.Ordinal);
        var province = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Các xã, phường của Tỉnh Quảng Trị (kiểm tra)" }) });
        await ShotAsync("1-tai-khoan");
        await BrowserPortal.NextPageAsync(page, () => province.GetByRole(AriaRole.Link, new() { Name = "Xã Tuyên Bình", Exact = true }).ClickAsync());
        Assert.Equal(portal.BaseUrl + "/tuyen-binh", page.Url);
        Assert.Equal("Ủy ban nhân dân Xã Tuyên Bình", await page.Locator("h1").InnerTextAsync());
        await ShotAsync("2-trang-chu-xa");

        await BrowserPortal.NextPageAsync(page, () => page.Locator("nav.site-nav").GetByRole(AriaRole.Link, new() { Name = "Hệ thống ISO" }).ClickAsync());
        await BrowserPortal.NextPageAsync(page, () => page.Locator("#thu-vien-noi-bo").ClickAsync());
        Assert.Equal(portal.BaseUrl + "/tuyen-binh/tai-lieu", page.Url);
        await ShotAsync("3-thu-vien-tai-lieu");
        await BrowserPortal.NextPageAsync(page, () => page.Locator("#thu-vien").GetByRole(AriaRole.Link, new() { Name = "MT-02", Exact = true }).ClickAsync());

        Assert.Equal("Mục tiêu chất lượng năm 2026", await page.Locator("h1").InnerTextAsync());
        Assert.True(await page.Locator("#bang-theo-doi-sua-doi").IsVisibleAsync());
        // Reading is all an auditor does: no control that changes the document.
        Assert.Equal(0, await page.Locator("main form[method=post]").CountAsync());
        await ShotAsync("4-tai-lieu");

        var elsewhere = await page.GotoAsync(portal.BaseUrl + "/ky-anh/tai-lieu");

        Assert.Equal(403, elsewhere!.Status);
        Assert.EndsWith("/tai-khoan/khong-co-quyen", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await ShotAsync("5-xa-tinh-khac-bi-tu-choi");
    }
}
