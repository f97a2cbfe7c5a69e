using Microsoft.Playwright;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Browser.Features;

public sealed class SignInTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task A_member_signs_in_with_the_form_and_sees_their_commune_and_role()
    {
        var commune = await portal.CreateCommuneAsync();
        var email = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary)]);
        var page = await portal.NewPageAsync(javaScript: false);

        await page.GotoAsync(portal.BaseUrl + "/tai-khoan/dang-nhap");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", PortalFactory.DefaultPassword);
        await page.ClickAsync("button[type=submit] >> text=Đăng nhập");

        Assert.EndsWith("/tai-khoan", page.Url);
        var row = page.Locator("tr", new PageLocatorOptions { HasText = commune.Name });
        Assert.Contains("Thư ký ISO", await row.InnerTextAsync());
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_Vietnamese_message()
    {
        var email = await portal.CreateUserAsync();
        var page = await portal.NewPageAsync(javaScript: false);

        await page.GotoAsync(portal.BaseUrl + "/tai-khoan/dang-nhap");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", "SaiMatKhau123");
        await page.ClickAsync("button[type=submit] >> text=Đăng nhập");

        Assert.Contains("/tai-khoan/dang-nhap", page.Url);
        Assert.Contains("Thư điện tử hoặc mật khẩu không đúng.", await page.Locator("[role=alert]").InnerTextAsync());
    }

    [Fact]
    public async Task A_commune_page_prints_on_A4_without_navigation()
    {
        var commune = await portal.CreateCommuneAsync();
        var page = await portal.NewPageAsync(width: 1280, height: 900);
        await page.GotoAsync($"{portal.BaseUrl}/{commune.Slug}");

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        Assert.False(await page.Locator("nav.site-nav").IsVisibleAsync());
        Assert.True(await page.Locator("h1").IsVisibleAsync());
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4" });
        Assert.True(pdf.Length > 1000);
    }
}
