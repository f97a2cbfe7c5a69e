using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Tenancy;

public sealed class TenantResolutionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_commune_home_page_is_served_at_its_slug()
    {
        var commune = await portal.CreateCommuneAsync();

        var page = await Html.GetDocumentAsync(portal.Anonymous(), "/" + commune.Slug);

        Assert.Contains(commune.Name, page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Tỉnh Hà Tĩnh", page.Body!.TextContent);
    }

    [Fact]
    public async Task A_commune_is_reached_by_its_own_host_name()
    {
        var host = $"xa{PortalFactory.Next()}.hatinh.gov.vn";
        var commune = await portal.CreateCommuneAsync(host: host);

        var response = await portal.Anonymous(host).GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains(commune.Name, page.QuerySelector("h1")!.TextContent);
    }

    [Theory]
    [InlineData("/xa-khong-ton-tai")]
    [InlineData("/xa-khong-ton-tai/thu-tuc")]
    [InlineData("/KHONG-HOP-LE")]
    public async Task An_unknown_commune_gets_a_Vietnamese_404_page(string path)
    {
        var response = await portal.Anonymous().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Không tìm thấy trang", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task An_unknown_host_name_falls_back_to_the_platform()
    {
        var response = await portal.Anonymous("khong-co.example.vn").GetAsync("/xa-khong-co");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_disabled_commune_shows_the_suspended_page_with_its_reason()
    {
        var commune = await portal.CreateCommuneAsync();
        await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            (await db.Tenants.SingleAsync(t => t.Id == commune.Id)).Disable("Đang sáp nhập dữ liệu");
            await db.SaveChangesAsync();
            sp.GetRequiredService<TenantDirectory>().Forget();
        });

        var response = await portal.Anonymous().GetAsync("/" + commune.Slug);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("tạm ngừng hoạt động", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Đang sáp nhập dữ liệu", page.Body!.TextContent);
    }

    [Fact]
    public async Task A_commune_with_the_Lotus_theme_is_rendered_with_the_Lotus_stylesheet()
    {
        var lotus = await portal.CreateCommuneAsync(theme: "Lotus");
        var plain = await portal.CreateCommuneAsync();

        var lotusPage = await Html.GetDocumentAsync(portal.Anonymous(), "/" + lotus.Slug);
        var plainPage = await Html.GetDocumentAsync(portal.Anonymous(), "/" + plain.Slug);

        Assert.Contains(lotusPage.QuerySelectorAll("link[rel=stylesheet]"), l => l.GetAttribute("href")!.Contains("QmsPortal.Themes.Lotus/theme.css"));
        Assert.Contains(plainPage.QuerySelectorAll("link[rel=stylesheet]"), l => l.GetAttribute("href")!.Contains("QmsPortal.Themes.Default/theme.css"));
    }
}
