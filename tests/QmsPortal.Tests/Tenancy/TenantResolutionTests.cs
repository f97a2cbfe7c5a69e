using System.Net;
using Microsoft.AspNetCore.Hosting;
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

    [Theory]
    [InlineData("/")]
    [InlineData("/tai-khoan/dang-nhap")]
    [InlineData("/xa-khong-co")]
    public async Task A_host_name_that_is_neither_the_platform_nor_a_commune_is_refused_in_Vietnamese(string path)
    {
        var response = await portal.Anonymous("evil.example").GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Tên miền không thuộc cổng", (await Html.ParseAsync(response)).QuerySelector("h1")!.TextContent);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("cong.tinh.example.vn")]
    public async Task The_platform_answers_on_loopback_and_its_configured_host_names(string host)
    {
        await using var configured = portal.WithWebHostBuilder(b => b.UseSetting("Portal:AllowedHosts:0", "cong.tinh.example.vn"));
        var client = configured.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{host}/") });

        var response = await client.GetAsync("/tai-khoan/dang-nhap");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_health_check_answers_whatever_host_a_probe_uses()
    {
        var response = await portal.Anonymous("10.0.0.5").GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Staff_pages_work_on_a_communes_own_host_name()
    {
        var host = $"xa{PortalFactory.Next()}.hatinh.gov.vn";
        var commune = await portal.CreateCommuneAsync(host: host);
        var email = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.CommuneAdmin)]);
        var admin = portal.Anonymous(host);
        await Html.PostFormAsync(admin, "/tai-khoan/dang-nhap", new() { ["Input.Email"] = email, ["Input.Password"] = PortalFactory.DefaultPassword });

        var members = await admin.GetAsync("/quan-tri/thanh-vien");
        var api = await portal.Anonymous(host).GetAsync("/api/tthc");

        Assert.Equal(HttpStatusCode.OK, members.StatusCode);
        Assert.Equal("Thành viên và vai trò", (await Html.ParseAsync(members)).QuerySelector("h1")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
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
