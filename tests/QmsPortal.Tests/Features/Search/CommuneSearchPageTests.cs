using System.Net;
using QmsPortal.Tests.Features.Documents;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Features.Documents;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Search;

/// <summary>The commune's search page as citizens and members use it: /{slug}/tim-kiem, a plain GET form.</summary>
public sealed class CommuneSearchPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<(TenantInfo Commune, string Code)> PostedAsync(string name, string field = "Hộ tịch", string theme = "Default")
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "42", theme: theme);
        var code = TthcBuilder.NextCode();
        await portal.ImportAsync("42", TthcBuilder.Procedure(code, name, field));
        await portal.PostAsync(commune, true, code);
        await portal.CatchUpSearchAsync();
        return (commune, code);
    }

    [Fact]
    public async Task Without_a_query_the_page_is_just_the_form()
    {
        var (commune, _) = await PostedAsync("Đăng ký khai sinh");

        var page = await Html.GetDocumentAsync(portal.Anonymous(), $"/{commune.Slug}/tim-kiem");

        var form = page.QuerySelector("main form[role=search]")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal($"/{commune.Slug}/tim-kiem", form.GetAttribute("action"));
        Assert.NotNull(page.QuerySelector("main label[for=q]"));
        Assert.Equal("q", page.QuerySelector("main #q")!.GetAttribute("name"));
        Assert.Null(page.QuerySelector(".search-total"));
        Assert.Null(page.QuerySelector(".search-no-results"));
        Assert.Empty(page.QuerySelectorAll(".search-hit"));
    }

    [Fact]
    public async Task A_citizen_finds_a_posted_procedure_typed_without_accents_with_the_words_marked()
    {
        var (commune, code) = await PostedAsync("Đăng ký khai sinh");

        var page = await Html.GetDocumentAsync(portal.Anonymous(), SearchSupport.PageUrl(commune.Slug, "dang ky khai sinh"));

        Assert.Equal("1 kết quả", page.QuerySelector(".search-total")!.TextContent.Trim());
        var hit = Assert.Single(page.QuerySelectorAll("main .search-hit"));
        var link = hit.QuerySelector(".search-hit-title a")!;
        Assert.Equal($"/{commune.Slug}/thu-tuc/{code}", link.GetAttribute("href"));
        Assert.Equal("Đăng ký khai sinh", link.TextContent);
        var marked = link.QuerySelectorAll("mark").Select(m => m.TextContent).ToList();
        Assert.Contains("khai", string.Join(" ", marked), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("sinh", string.Join(" ", marked), StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("Thủ tục", hit.QuerySelector(".search-hit-kind")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("Mã " + code, hit.QuerySelector(".search-hit-meta")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("dang ky khai sinh", page.QuerySelector("main #q")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Markup_in_indexed_text_is_shown_as_text_never_as_markup()
    {
        var (commune, _) = await PostedAsync("Đăng ký <script>alert(1)</script> <b>giám hộ</b>");

        var response = await portal.Anonymous().GetAsync(SearchSupport.PageUrl(commune.Slug, "giám hộ"));
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var link = page.QuerySelector("main .search-hit-title a")!;
        Assert.Contains("<script>alert(1)</script>", link.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("main script"));
        Assert.Empty(page.QuerySelectorAll("main .search-hit b"));
    }

    [Fact]
    public async Task Results_come_twenty_a_page_with_links_to_the_next_and_previous_pages()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "42");
        var records = Enumerable.Range(1, 25).Select(i => TthcBuilder.Procedure(TthcBuilder.NextCode(), $"Cấp giấy phép nuôi chim yến số {i}", "Nông nghiệp")).ToArray();
        await portal.ImportAsync("42", records);
        await portal.PostAsync(commune, true, [.. records.Select(r => r.Code)]);
        await portal.CatchUpSearchAsync();
        var client = portal.Anonymous();

        var first = await Html.GetDocumentAsync(client, SearchSupport.PageUrl(commune.Slug, "chim yến"));
        Assert.Equal("25 kết quả", first.QuerySelector(".search-total")!.TextContent.Trim());
        Assert.Equal(20, SearchSupport.ResultLinks(first).Count);
        Assert.Null(first.QuerySelector("a[rel=prev]"));
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains("trang=2", next, StringComparison.Ordinal);

        var second = await Html.GetDocumentAsync(client, next);
        var onSecond = SearchSupport.ResultLinks(second);
        Assert.Equal(5, onSecond.Count);
        Assert.Empty(onSecond.Intersect(SearchSupport.ResultLinks(first)));
        Assert.Equal(25, SearchSupport.ResultLinks(first).Concat(onSecond).Distinct().Count());
        Assert.Null(second.QuerySelector("a[rel=next]"));
        Assert.NotNull(second.QuerySelector("a[rel=prev]"));
    }

    [Fact]
    public async Task The_kind_filter_limits_a_members_results_to_procedures_or_to_documents()
    {
        var (commune, code) = await PostedAsync("Chứng thực bản sao từ bản chính");
        var secretary = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary)]);
        var approver = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Approver)]);
        var documentId = await DocumentSeed.CreateAsync(portal, commune, "QT-21", RevisionStatus.Issued, secretary, approver,
            body: "Quy trình chứng thực bản sao tại Bộ phận Một cửa.", tthc: code);
        await portal.CatchUpSearchAsync();
        var client = await portal.SignedInAsync(secretary);

        var all = SearchSupport.ResultLinks(await Html.GetDocumentAsync(client, SearchSupport.PageUrl(commune.Slug, "chứng thực bản sao")));
        var procedures = SearchSupport.ResultLinks(await Html.GetDocumentAsync(client, SearchSupport.PageUrl(commune.Slug, "chứng thực bản sao", "thu-tuc")));
        var documents = SearchSupport.ResultLinks(await Html.GetDocumentAsync(client, SearchSupport.PageUrl(commune.Slug, "chứng thực bản sao", "tai-lieu")));

        Assert.Contains($"/{commune.Slug}/thu-tuc/{code}", all);
        Assert.Contains(all, l => l.StartsWith($"/{commune.Slug}/tai-lieu/{documentId}", StringComparison.Ordinal));
        Assert.Equal([$"/{commune.Slug}/thu-tuc/{code}"], procedures);
        Assert.NotEmpty(documents);
        Assert.All(documents, l => Assert.StartsWith($"/{commune.Slug}/tai-lieu/", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nothing_found_says_so_and_links_to_the_full_procedure_list()
    {
        var (commune, _) = await PostedAsync("Đăng ký kết hôn");

        var page = await Html.GetDocumentAsync(portal.Anonymous(), SearchSupport.PageUrl(commune.Slug, "qwxzj vbnmk"));

        Assert.Contains("Không tìm thấy kết quả cho “qwxzj vbnmk”", page.QuerySelector(".search-no-results")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"main a[href='/{commune.Slug}/thu-tuc']"));
        Assert.Empty(SearchSupport.ResultLinks(page));
    }

    [Fact]
    public async Task Nothing_found_offers_the_closest_procedures()
    {
        var (commune, code) = await PostedAsync("Đăng ký khai sinh");

        var page = await Html.GetDocumentAsync(portal.Anonymous(), SearchSupport.PageUrl(commune.Slug, "khai sinh xyzzyq qwpzx"));

        Assert.Contains("Không tìm thấy kết quả cho “khai sinh xyzzyq qwpzx”", page.QuerySelector(".search-no-results")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(SearchSupport.ResultLinks(page));
        var suggestions = page.QuerySelector("ol.search-suggestions")!;
        Assert.Equal("Thủ tục gần nhất", suggestions.ParentElement!.QuerySelector("h2")!.TextContent);
        Assert.Contains($"/{commune.Slug}/thu-tuc/{code}", suggestions.QuerySelectorAll(".search-hit-title a").Select(a => a.GetAttribute("href")));
        Assert.NotNull(page.QuerySelector($"main a[href='/{commune.Slug}/thu-tuc']"));
    }

    [Fact]
    public async Task A_misspelt_query_offers_the_correction_as_a_link()
    {
        var (commune, code) = await PostedAsync("Đăng ký khai sinh");

        var page = await Html.GetDocumentAsync(portal.Anonymous(), SearchSupport.PageUrl(commune.Slug, "khai sihn"));

        var offer = page.QuerySelector(".search-did-you-mean")!;
        Assert.StartsWith("Có phải bạn muốn tìm", offer.TextContent.Trim(), StringComparison.Ordinal);
        var corrected = offer.QuerySelector("a")!;
        Assert.Contains("sinh", corrected.TextContent, StringComparison.Ordinal);
        Assert.StartsWith($"/{commune.Slug}/tim-kiem?q=", corrected.GetAttribute("href"), StringComparison.Ordinal);
        var followed = await Html.GetDocumentAsync(portal.Anonymous(), corrected.GetAttribute("href")!);
        Assert.Contains($"/{commune.Slug}/thu-tuc/{code}", SearchSupport.ResultLinks(followed));
    }

    [Theory]
    [InlineData("Default")]
    [InlineData("Lotus")]
    public async Task Every_public_page_of_the_commune_has_a_labelled_search_box_to_the_search_page(string theme)
    {
        var (commune, code) = await PostedAsync("Đăng ký khai sinh", theme: theme);
        var client = portal.Anonymous();

        foreach (var url in new[] { $"/{commune.Slug}", $"/{commune.Slug}/thu-tuc", $"/{commune.Slug}/thu-tuc/{code}", $"/{commune.Slug}/iso", $"/{commune.Slug}/tim-kiem" })
        {
            var page = await Html.GetDocumentAsync(client, url);
            var box = page.QuerySelector("header form.site-search[role=search]");
            Assert.True(box is not null, url);
            Assert.Equal("get", box.GetAttribute("method"));
            Assert.Equal($"/{commune.Slug}/tim-kiem", box.GetAttribute("action"));
            var input = box.QuerySelector("input[name=q]")!;
            Assert.False(string.IsNullOrWhiteSpace(box.QuerySelector($"label[for={input.Id}]")?.TextContent), url);
        }

        var platform = await Html.GetDocumentAsync(client, "/");
        Assert.Null(platform.QuerySelector("form.site-search"));
    }

    [Fact]
    public async Task The_header_box_leads_to_results()
    {
        var (commune, code) = await PostedAsync("Đăng ký khai tử");
        var client = portal.Anonymous();
        var home = await Html.GetDocumentAsync(client, $"/{commune.Slug}");
        var box = home.QuerySelector("header form.site-search")!;

        var results = await Html.GetDocumentAsync(client, $"{box.GetAttribute("action")}?q={Uri.EscapeDataString("khai tử")}");

        Assert.Contains($"/{commune.Slug}/thu-tuc/{code}", SearchSupport.ResultLinks(results));
    }

    [Fact]
    public async Task Members_find_the_search_page_in_their_staff_navigation()
    {
        var (commune, _) = await PostedAsync("Đăng ký khai sinh");
        var staff = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Staff)]);

        var page = await Html.GetDocumentAsync(await portal.SignedInAsync(staff), $"/{commune.Slug}");

        Assert.NotNull(page.QuerySelector($"nav.staff-nav a[href='/{commune.Slug}/tim-kiem']"));
        Assert.Null((await Html.GetDocumentAsync(portal.Anonymous(), $"/{commune.Slug}")).QuerySelector("nav.staff-nav"));
    }
}
