using Microsoft.Playwright;
using Xunit.Abstractions;

namespace QmsPortal.Tests.Browser.Journeys;

/// <summary>
/// A citizen on a cheap phone (360 × 740, touch) looks up what to bring to register a birth, from the portal's front
/// page, and opens the list to print. Screenshots of each step are kept under the test artefacts.
/// </summary>
public sealed class CitizenJourneyTests(DemoBrowserPortal portal, ITestOutputHelper output) : IClassFixture<DemoBrowserPortal>
{
    [Fact]
    public async Task A_citizen_on_a_phone_finds_birth_registration_in_three_taps_reads_the_papers_and_opens_the_checklist()
    {
        var shots = TestArtifacts.Folder("journeys/nguoi-dan-khai-sinh");
        output.WriteLine("Screenshots: " + shots);
        var context = await portal.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            IsMobile = true,
            HasTouch = true,
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
        });
        var page = await context.NewPageAsync();
        var taps = 0;
        async Task TapAsync(ILocator target)
        {
            taps++;
            await BrowserPortal.NextPageAsync(page, () => target.TapAsync());
        }

        async Task ShotAsync(string name) => await page.ScreenshotAsync(new() { Path = Path.Combine(shots, name + ".png"), FullPage = true });

        await page.GotoAsync(portal.BaseUrl + "/");
        await ShotAsync("1-trang-chu-cong");
        await TapAsync(page.GetByRole(AriaRole.Link, new() { Name = "Xã Tuyên Bình", Exact = true }));
        await ShotAsync("2-trang-chu-xa");
        await TapAsync(page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Thủ tục hành chính", Exact = true }));
        await ShotAsync("3-danh-sach-thu-tuc");
        await TapAsync(page.GetByRole(AriaRole.Link, new() { Name = "Đăng ký khai sinh", Exact = true }));

        Assert.True(taps <= 3, $"{taps} taps to reach the procedure");
        Assert.Equal("Đăng ký khai sinh", await page.Locator("h1").InnerTextAsync());
        var papers = page.Locator("#giay-to");
        await papers.ScrollIntoViewIfNeededAsync();
        Assert.True(await papers.IsVisibleAsync());
        // The papers, or the plain notice that the commune has not confirmed them yet; the checklist must say the same.
        var paperNames = await papers.Locator("table.tthc-papers tbody tr td:first-child").AllInnerTextsAsync();
        var unconfirmed = await papers.Locator(".badge-warn").CountAsync() > 0;
        Assert.True(paperNames.Count > 0 || unconfirmed, "the papers section lists nothing and says nothing");
        await papers.ScreenshotAsync(new() { Path = Path.Combine(shots, "4-giay-to-can-mang.png") });
        await ShotAsync("4-chi-tiet-thu-tuc");

        await TapAsync(page.GetByRole(AriaRole.Link, new() { Name = "In danh sách giấy tờ" }));

        Assert.EndsWith("/tuyen-binh/thu-tuc/1.001193/in-giay-to", page.Url, StringComparison.Ordinal);
        Assert.Equal("Danh sách giấy tờ cần chuẩn bị", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(paperNames, await page.Locator("ul.checklist li .tthc-paper").AllInnerTextsAsync());
        Assert.Equal(unconfirmed, await page.Locator(".tthc-print .badge-warn").CountAsync() > 0);
        Assert.True(await page.Locator(".tthc-qr img").IsVisibleAsync());
        Assert.True(await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth") <= 360);
        await ShotAsync("5-danh-sach-de-in");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.Locator("nav.site-nav").IsVisibleAsync());
        await ShotAsync("6-ban-in");
        await context.CloseAsync();
    }
}
