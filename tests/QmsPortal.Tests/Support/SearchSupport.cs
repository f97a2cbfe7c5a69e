using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Web.Search;

namespace QmsPortal.Tests.Support;

/// <summary>Search in tests: the index follows saves asynchronously, so a test waits for it here before it searches.</summary>
public static class SearchSupport
{
    /// <summary>Brings the index up to date with every save so far (the indexer's own catch-up, not a rebuild).</summary>
    public static Task CatchUpSearchAsync(this PortalFactory portal) =>
        portal.Services.GetRequiredService<SearchIndexer>().CatchUpAsync();

    public static string PageUrl(string slug, string query, string? kind = null, int? page = null) =>
        $"/{slug}/tim-kiem?q={Uri.EscapeDataString(query)}{(kind is null ? "" : "&loai=" + kind)}{(page is null ? "" : "&trang=" + page)}";

    public static string ApiUrl(string slug, string query, string? kind = null, int? page = null) =>
        $"/{slug}/api/search?q={Uri.EscapeDataString(query)}{(kind is null ? "" : "&kind=" + kind)}{(page is null ? "" : "&page=" + page)}";

    /// <summary>The result links of a search page, in order.</summary>
    public static List<string> ResultLinks(IDocument page) =>
        page.QuerySelectorAll("main ol.search-results:not(.search-suggestions) .search-hit-title a").Select(a => a.GetAttribute("href")!).ToList();

    public static List<string> ResultTitles(IDocument page) =>
        page.QuerySelectorAll("main ol.search-results:not(.search-suggestions) .search-hit-title a").Select(a => a.TextContent).ToList();

    /// <summary>The API's answer: each result's url and title, and the total.</summary>
    public static async Task<(List<JsonElement> Results, int Total)> ApiAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} returned {(int)response.StatusCode}");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement.Clone();
        return (root.GetProperty("results").EnumerateArray().ToList(), root.GetProperty("total").GetInt32());
    }
}
