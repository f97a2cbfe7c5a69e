using QmsPortal.Tests.Support;

namespace QmsPortal.Tests.Features.Search;

/// <summary>What a newcomer finds after <c>dotnet run</c>: the demo communes answer everyday queries with real results.</summary>
public sealed class DemoSearchTests(DemoPortalFactory portal) : IClassFixture<DemoPortalFactory>
{
    [Theory]
    [InlineData("tuyen-binh", "khai sinh")]
    [InlineData("tuyen-binh", "dang ki khai sinh")]
    [InlineData("ky-anh", "Đăng ký khai sinh")]
    public async Task A_demo_commune_finds_birth_registration_first(string slug, string query)
    {
        await portal.CatchUpSearchAsync();

        var page = await Html.GetDocumentAsync(portal.Anonymous(), SearchSupport.PageUrl(slug, query));
        var api = await SearchSupport.ApiAsync(portal.Anonymous(), SearchSupport.ApiUrl(slug, query));

        Assert.Equal($"/{slug}/thu-tuc/1.001193", SearchSupport.ResultLinks(page).First());
        Assert.Equal($"/{slug}/thu-tuc/1.001193", api.Results[0].GetProperty("url").GetString());
        Assert.True(api.Total >= 1);
    }
}
