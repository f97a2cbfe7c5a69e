using System.Net;
using System.Text.Json;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Search;

/// <summary>Whatever is typed or sent as q, the pages answer with a normal page and the API with JSON: never a 500.</summary>
public sealed class BadInputTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    /// <summary>Raw, already percent-encoded query strings: Lucene syntax, a 10,000-character query, invalid UTF-8, empty.</summary>
    private static readonly string[] RawQueries =
    [
        "%22khai+sinh", "khai%22", "*", "*%3A*", "khai*", "%3A", "tenant%3A*", "(khai", "khai)", "~", "khai~2", "%5C", "khai%5C",
        "%22%28%2A%3A%2A%5C~", "AND", "OR+NOT", "%5B1+TO+9%5D", "%2Fregex%2F", "%2B%2B%2B--", "^2", "!",
        new string('a', 10_000), string.Concat(Enumerable.Repeat("khai+sinh+", 1_000)), string.Concat(Enumerable.Repeat("%C4%91", 3_000)),
        "%C3%28", "%FF", "khai%FFsinh", "%C3", "%ED%A0%80", "%F0%9F%98%80", "", "+", "%20%20",
    ];

    public static TheoryData<string> Queries() => new(RawQueries);

    private async Task<(TenantInfo Commune, string Code)> CommuneAsync()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "42");
        var code = TthcBuilder.NextCode();
        await portal.ImportAsync("42", TthcBuilder.Procedure(code, "Đăng ký khai sinh"));
        await portal.PostAsync(commune, true, code);
        await portal.CatchUpSearchAsync();
        return (commune, code);
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task The_search_page_answers_a_normal_page(string rawQuery)
    {
        var (commune, _) = await CommuneAsync();

        var response = await portal.Anonymous().GetAsync($"/{commune.Slug}/tim-kiem?q={rawQuery}&trang=abc");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var shown = page.QuerySelector("main #q")!.GetAttribute("value") ?? "";
        Assert.True(shown.Length <= QmsPortal.Web.Search.SearchRequest.MaxTextLength, $"the form shows {shown.Length} characters");
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task The_api_answers_json(string rawQuery)
    {
        var (commune, _) = await CommuneAsync();

        var response = await portal.Anonymous().GetAsync($"/{commune.Slug}/api/search?q={rawQuery}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("total").GetInt32() >= 0);
        Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("results").ValueKind);
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task The_procedure_list_filter_answers_a_normal_page(string rawQuery)
    {
        var (commune, _) = await CommuneAsync();

        var response = await portal.Anonymous().GetAsync($"/{commune.Slug}/thu-tuc?q={rawQuery}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_province_search_answers_a_normal_page_for_odd_queries()
    {
        await CommuneAsync();
        var auditor = await portal.CreateUserAsync(platformRole: PlatformRoles.ProvinceAuditor, supervisedProvince: "42");
        var client = await portal.SignedInAsync(auditor);

        foreach (var raw in RawQueries)
        {
            var response = await client.GetAsync($"/tinh/42/tim-kiem?q={raw}&trang=-3&loai=%FF");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{raw[..Math.Min(raw.Length, 30)]}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_long_query_is_cut_to_the_index_limit_and_shown_so()
    {
        var (commune, _) = await CommuneAsync();

        var page = await Html.GetDocumentAsync(portal.Anonymous(), $"/{commune.Slug}/tim-kiem?q=khai+sinh+{new string('x', 10_000)}");

        var shown = page.QuerySelector("main #q")!.GetAttribute("value")!;
        Assert.Equal(QmsPortal.Web.Search.SearchRequest.MaxTextLength, shown.Length);
        Assert.StartsWith("khai sinh xxx", shown, StringComparison.Ordinal);
    }
}
