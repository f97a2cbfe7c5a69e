using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;

namespace QmsPortal.Tests.Features.Platform;

public sealed class PlatformPagesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Front_page_lists_active_communes_grouped_by_province_in_Vietnamese()
    {
        var haTinh = await portal.CreateCommuneAsync(provinceCode: "42");
        var quangTri = await portal.CreateCommuneAsync(provinceCode: "44");

        var page = await Html.GetDocumentAsync(portal.Anonymous(), "/");

        Assert.Equal("vi", page.DocumentElement.GetAttribute("lang"));
        var haTinhSection = page.QuerySelector("#tinh-42")!;
        Assert.Contains("Tỉnh Hà Tĩnh", haTinhSection.QuerySelector("h2")!.TextContent);
        Assert.Contains(haTinhSection.QuerySelectorAll("a"), a => a.TextContent == haTinh.Name && a.GetAttribute("href") == "/" + haTinh.Slug);
        Assert.Contains(page.QuerySelector("#tinh-44")!.QuerySelectorAll("a"), a => a.TextContent == quangTri.Name);
    }

    [Fact]
    public async Task Front_page_filter_matches_without_accents()
    {
        var commune = await portal.CreateCommuneAsync();

        var page = await Html.GetDocumentAsync(portal.Anonymous(), "/?q=" + Uri.EscapeDataString("xa thu nghiem " + commune.Name.Split(' ')[^1]));

        Assert.Contains(page.QuerySelectorAll(".commune-list a"), a => a.TextContent == commune.Name);
    }

    [Fact]
    public async Task Api_tenants_returns_active_communes_only_with_their_province()
    {
        var active = await portal.CreateCommuneAsync(provinceCode: "66");
        var disabled = await portal.CreateCommuneAsync();
        await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            (await db.Tenants.SingleAsync(t => t.Id == disabled.Id)).Disable("Thử nghiệm");
            await db.SaveChangesAsync();
        });

        var response = await portal.Anonymous().GetAsync("/api/tenants");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var items = json.RootElement.EnumerateArray().ToList();
        var item = items.Single(e => e.GetProperty("slug").GetString() == active.Slug);
        Assert.Equal(active.Name, item.GetProperty("name").GetString());
        Assert.Equal(active.Code, item.GetProperty("code").GetString());
        Assert.Equal("66", item.GetProperty("province").GetProperty("code").GetString());
        Assert.Equal("Tỉnh Đắk Lắk", item.GetProperty("province").GetProperty("name").GetString());
        Assert.DoesNotContain(items, e => e.GetProperty("slug").GetString() == disabled.Slug);
    }

    [Fact]
    public async Task Healthz_answers_ok_when_the_database_answers()
    {
        var response = await portal.Anonymous().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pages_forbid_scripts_framing_and_content_sniffing()
    {
        var response = await portal.Anonymous().GetAsync("/");

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Theme_stylesheets_are_served_and_pages_stay_light()
    {
        var commune = await portal.CreateCommuneAsync(recipes: ["commune-starter"]);
        var client = portal.Anonymous();
        var html = await client.GetStringAsync("/" + commune.Slug);
        var page = await Html.ParseAsync(new HttpResponseMessage { Content = new StringContent(html) });

        var total = System.Text.Encoding.UTF8.GetByteCount(html);
        foreach (var link in page.QuerySelectorAll("link[rel=stylesheet]"))
        {
            var css = await client.GetAsync(link.GetAttribute("href"));
            Assert.Equal(HttpStatusCode.OK, css.StatusCode);
            Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
            total += (await css.Content.ReadAsByteArrayAsync()).Length;
        }

        Assert.Empty(page.QuerySelectorAll("script:not([type='application/ld+json'])"));
        Assert.True(total < 30_000, $"{total} bytes of HTML and CSS");
        Assert.DoesNotContain("&#x", html);
    }

    [Fact]
    public async Task A_missing_page_inside_a_commune_offers_that_communes_procedures_and_search()
    {
        var commune = await portal.CreateCommuneAsync();

        var response = await portal.Anonymous().GetAsync($"/{commune.Slug}/khong-co-trang-nay");
        var elsewhere = await Html.ParseAsync(await portal.Anonymous().GetAsync("/xa-khong-ton-tai-tren-cong"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var search = page.QuerySelector("main form[role=search]")!;
        Assert.Equal($"/{commune.Slug}/thu-tuc", search.GetAttribute("action"));
        Assert.NotNull(search.QuerySelector("input[name=q]"));
        var links = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/{commune.Slug}/thu-tuc", links);
        Assert.Contains("/", links);
        Assert.Null(elsewhere.QuerySelector("main form[role=search]"));
        Assert.Equal(["/"], elsewhere.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")!).ToArray());
    }
}
