using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;

namespace QmsPortal.Tests.Features.Tthc;

public sealed class PublicPagesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Detail_page_lists_papers_per_case_in_order_with_counts_and_fee_text_verbatim()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "42");
        var code = TthcBuilder.NextCode();
        await portal.ImportAsync("42", TthcBuilder.Procedure(code));
        await portal.PostAsync(commune, true, code);

        var page = await Html.GetDocumentAsync(portal.Anonymous(), $"/{commune.Slug}/thu-tuc/{code}");

        var sections = page.QuerySelectorAll("main section.card").Select(s => s.Id).ToList();
        Assert.Equal("giay-to", sections[0]);
        Assert.Equal("phi", sections[1]);
        var rows = page.QuerySelectorAll("#giay-to table tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent).ToArray()).ToList();
        Assert.Equal(["Tờ khai theo mẫu", "1", "0", "Tờ khai"], rows[0]);
        Assert.Equal(["Giấy tờ tùy thân", "0", "2", ""], rows[1]);
        Assert.Equal(["Văn bản ủy quyền", "1", "1", ""], rows[2]);
        Assert.Equal(["Trường hợp thông thường", "Trường hợp ủy quyền"], page.QuerySelectorAll("#giay-to h3").Select(h => h.TextContent).ToArray());
        Assert.Equal("10.000 đồng/trường hợp (nguyên văn)", page.QuerySelector("#phi .tthc-fee")!.TextContent);
        Assert.Equal("Được miễn: " + TthcBuilder.Exemption, page.QuerySelector("#phi .tthc-exemption")!.TextContent);
        Assert.Contains("theo Quyết định số 100/QĐ-UBND ngày 05/01/2026", page.QuerySelector(".tthc-updated")!.TextContent);
        Assert.Equal("https://dichvucong.example.vn/thu-tuc", page.QuerySelector("#thoi-han a")!.GetAttribute("href"));
        Assert.Empty(page.QuerySelectorAll("script:not([type='application/ld+json'])"));
    }

    [Fact]
    public async Task Detail_page_makes_the_phone_numbers_of_the_contact_line_tel_links()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "42");
        var code = TthcBuilder.NextCode();
        await portal.ImportAsync("42", TthcBuilder.Procedure(code));
        await portal.PostAsync(commune, true, code);
        await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsPortal.Web.Data.QmsDbContext>();
            (await db.Set<QmsPortal.Web.Features.Tthc.TthcPosting>().SingleAsync(p => p.Code == code)).Contact = "Quầy số 1, ĐT 0239 3855 123 hoặc 0912.345.678";
            await db.SaveChangesAsync();
        }, commune);

        var page = await Html.GetDocumentAsync(portal.Anonymous(), $"/{commune.Slug}/thu-tuc/{code}");

        var contact = page.QuerySelector("#lien-he")!;
        Assert.Equal("Liên hệ: Quầy số 1, ĐT 0239 3855 123 hoặc 0912.345.678", contact.TextContent.Trim());
        Assert.Equal(["tel:02393855123", "tel:0912345678"], contact.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).ToArray());
    }

    [Fact]
    public async Task Detail_page_carries_GovernmentService_json_ld_that_parses()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "42");
        var code = TthcBuilder.NextCode();
        await portal.ImportAsync("42", TthcBuilder.Procedure(code, name: "Thủ tục có </script> và + trong tên"));
        await portal.PostAsync(commune, true, code);

        var response = await portal.Anonymous().GetAsync($"/{commune.Slug}/thu-tuc/{code}");
        var html = await response.Content.ReadAsStringAsync();
        var page = await Html.ParseAsync(response);

        Assert.True(html.Contains("<script type=\"application/ld+json\">", StringComparison.Ordinal), html[..Math.Min(html.Length, 1500)]);
        var script = page.QuerySelector("script[type='application/ld+json']")!;
        using var ld = JsonDocument.Parse(script.TextContent);
        Assert.Equal("GovernmentService", ld.RootElement.GetProperty("@type").GetString());
        Assert.Equal("Thủ tục có </script> và + trong tên", ld.RootElement.GetProperty("name").GetString());
        Assert.Equal(code, ld.RootElement.GetProperty("identifier").GetString());
        Assert.DoesNotContain("</script> và", script.TextContent);
    }

    [Fact]
    public async Task List_groups_by_field_and_filters_without_accents()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "42");
        var a = TthcBuilder.NextCode();
        var b = TthcBuilder.NextCode();
        await portal.ImportAsync("42", TthcBuilder.Procedure(a, "Đăng ký khai sinh thử", "Hộ tịch"), TthcBuilder.Procedure(b, "Chứng thực chữ ký thử", "Chứng thực"));
        await portal.PostAsync(commune, true, a, b);
        var client = portal.Anonymous();

        var all = await Html.GetDocumentAsync(client, $"/{commune.Slug}/thu-tuc");
        Assert.Equal(["Chứng thực", "Hộ tịch"], all.QuerySelectorAll("main section h2").Select(h => h.TextContent).ToArray());
        Assert.Equal("get", all.QuerySelector("main form")!.GetAttribute("method"));

        var filtered = await Html.GetDocumentAsync(client, $"/{commune.Slug}/thu-tuc?q=dang+ky+khai+sinh");
        var links = filtered.QuerySelectorAll("main section li a").Select(x => x.TextContent).ToList();
        Assert.Equal(["Đăng ký khai sinh thử"], links);
    }

    [Fact]
    public async Task List_filter_finds_a_procedure_typed_with_i_for_y_run_together_or_in_capitals()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "42");
        var a = TthcBuilder.NextCode();
        var b = TthcBuilder.NextCode();
        await portal.ImportAsync("42", TthcBuilder.Procedure(a, "Đăng ký khai sinh", "Hộ tịch"), TthcBuilder.Procedure(b, "Chứng thực chữ ký", "Chứng thực"));
        await portal.PostAsync(commune, true, a, b);
        var client = portal.Anonymous();

        foreach (var query in new[] { "dang ki khai sinh", "khaisinh", "ĐĂNG KÝ KHAI SINH", "dangky", a.Replace(".", "", StringComparison.Ordinal) })
        {
            var page = await Html.GetDocumentAsync(client, $"/{commune.Slug}/thu-tuc?q={Uri.EscapeDataString(query)}");
            Assert.Equal(["Đăng ký khai sinh"], page.QuerySelectorAll("main section li a").Select(x => x.TextContent).ToArray());
            Assert.Null(page.QuerySelector(".tthc-no-match"));
        }
    }

    [Fact]
    public async Task List_filter_without_a_match_says_so_and_shows_the_full_list()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "42");
        var a = TthcBuilder.NextCode();
        var b = TthcBuilder.NextCode();
        await portal.ImportAsync("42", TthcBuilder.Procedure(a, "Đăng ký khai sinh", "Hộ tịch"), TthcBuilder.Procedure(b, "Chứng thực chữ ký", "Chứng thực"));
        await portal.PostAsync(commune, true, a, b);

        var page = await Html.GetDocumentAsync(portal.Anonymous(), $"/{commune.Slug}/thu-tuc?q=giay+phep+lai+xe");

        var notice = page.QuerySelector(".tthc-no-match")!;
        Assert.Contains("Không tìm thấy thủ tục nào khớp với “giay phep lai xe”", notice.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/{commune.Slug}/thu-tuc", notice.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(["Chứng thực chữ ký", "Đăng ký khai sinh"], page.QuerySelectorAll("main section li a").Select(x => x.TextContent).ToArray());
    }

    [Fact]
    public async Task Print_checklist_has_tick_boxes_and_a_qr_code_for_the_current_version_url()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "42");
        var code = TthcBuilder.NextCode();
        await portal.ImportAsync("42", TthcBuilder.Procedure(code));
        await portal.PostAsync(commune, true, code);

        var page = await Html.GetDocumentAsync(portal.Anonymous(), $"/{commune.Slug}/thu-tuc/{code}/in-giay-to");

        var items = page.QuerySelectorAll("ul.checklist li").ToList();
        Assert.Equal(3, items.Count);
        Assert.Equal("Tờ khai theo mẫu", items[0].QuerySelector(".tthc-paper")!.TextContent);
        Assert.Equal("1 bản chính", items[0].QuerySelector(".tthc-count")!.TextContent);
        Assert.Equal("2 bản sao", items[1].QuerySelector(".tthc-count")!.TextContent);
        Assert.Equal("1 bản chính, 1 bản sao", items[2].QuerySelector(".tthc-count")!.TextContent);
        var qr = page.QuerySelector(".tthc-qr img")!;
        Assert.StartsWith("data:image/png;base64,", qr.GetAttribute("src"));
        Assert.Equal($"http://localhost/{commune.Slug}/thu-tuc/{code}", page.QuerySelector(".tthc-qr figcaption")!.TextContent);

        var notice = await Html.GetDocumentAsync(portal.Anonymous(), $"/{commune.Slug}/thu-tuc/{code}/in-niem-yet");
        Assert.NotNull(notice.QuerySelector(".tthc-qr img[src^='data:image/png']"));
        Assert.NotNull(notice.QuerySelector("#giay-to"));
    }

    [Fact]
    public async Task Pages_weigh_under_30_kilobytes_with_their_css()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "42");
        var code = TthcBuilder.NextCode();
        await portal.ImportAsync("42", TthcBuilder.Procedure(code));
        await portal.PostAsync(commune, true, code);
        var client = portal.Anonymous();

        foreach (var url in new[] { $"/{commune.Slug}/thu-tuc", $"/{commune.Slug}/thu-tuc/{code}", $"/{commune.Slug}/thu-tuc/{code}/in-giay-to", $"/{commune.Slug}/thu-tuc/{code}/in-niem-yet" })
        {
            var response = await client.GetAsync(url);
            var bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
            var page = await Html.ParseAsync(response);
            foreach (var link in page.QuerySelectorAll("link[rel=stylesheet]"))
            {
                bytes += (await client.GetByteArrayAsync(link.GetAttribute("href"))).Length;
            }

            Assert.True(bytes < 30 * 1024, $"{url} weighs {bytes} bytes");
        }
    }

    [Fact]
    public async Task Sitemap_lists_posted_procedures_only()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "42");
        var posted = TthcBuilder.NextCode();
        var draft = TthcBuilder.NextCode();
        await portal.ImportAsync("42", TthcBuilder.Procedure(posted), TthcBuilder.Procedure(draft));
        await portal.PostAsync(commune, true, posted);
        await portal.PostAsync(commune, false, draft);

        var response = await portal.Anonymous().GetAsync($"/{commune.Slug}/sitemap.xml");
        var xml = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync());
        var locs = xml.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => e.Value).ToList();

        Assert.Contains($"http://localhost/{commune.Slug}/thu-tuc/{posted}", locs);
        Assert.DoesNotContain(locs, l => l.EndsWith(draft, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unknown_or_draft_procedure_page_is_not_found()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "42");
        var draft = TthcBuilder.NextCode();
        await portal.ImportAsync("42", TthcBuilder.Procedure(draft));
        await portal.PostAsync(commune, false, draft);

        Assert.Equal(HttpStatusCode.NotFound, (await portal.Anonymous().GetAsync($"/{commune.Slug}/thu-tuc/{draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.Anonymous().GetAsync($"/{commune.Slug}/thu-tuc/1.999999")).StatusCode);
    }

    [Fact]
    public async Task Commune_starter_posts_the_eleven_common_procedures_with_unconfirmed_values_marked()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "46", recipes: ["commune-starter"]);
        var client = portal.Anonymous();

        var list = await Html.GetDocumentAsync(client, $"/{commune.Slug}/thu-tuc");
        Assert.Equal(11, list.QuerySelectorAll("main section li a").Length);

        var business = await Html.GetDocumentAsync(client, $"/{commune.Slug}/thu-tuc/1.001612");
        Assert.Contains("chưa xác minh — hỏi Bộ phận Một cửa", business.QuerySelector("#thoi-han")!.TextContent);
        Assert.DoesNotContain("3 ngày làm việc", business.QuerySelector("main")!.TextContent);

        var copies = await Html.GetDocumentAsync(client, $"/{commune.Slug}/thu-tuc/2.000815");
        Assert.Equal("2.000 đồng/trang. Từ trang thứ ba trở lên thu 1.000 đồng/trang, nhưng mức thu tối đa không quá 200.000 đồng/bản. Trang là căn cứ để thu phí được tính theo trang của bản chính.",
            copies.QuerySelector("#phi .tthc-fee")!.TextContent);

        var nav = list.QuerySelectorAll("nav a").Select(a => a.TextContent).ToList();
        Assert.Contains("Thủ tục hành chính", nav);
    }
}
