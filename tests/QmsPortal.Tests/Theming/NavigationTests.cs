using AngleSharp.Dom;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Theming;

/// <summary>The main navigation marks where the visitor is, in every theme (themes/README.md, "Current page").</summary>
public sealed class NavigationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static string[] Current(IDocument page) =>
        [.. page.QuerySelectorAll("nav.site-nav a[aria-current]").Select(a => $"{a.TextContent}={a.GetAttribute("aria-current")}")];

    [Theory]
    [InlineData("Default")]
    [InlineData("Lotus")]
    public async Task The_home_link_is_current_on_the_home_page_only_and_a_section_link_on_the_pages_under_it(string theme)
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "42", theme: theme);
        var code = TthcBuilder.NextCode();
        await portal.ImportAsync("42", TthcBuilder.Procedure(code));
        await portal.PostAsync(commune, true, code);
        var staff = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary)]));

        Assert.Equal(["Trang chủ=page"], Current(await Html.GetDocumentAsync(staff, $"/{commune.Slug}")));
        Assert.Equal(["Thủ tục hành chính=page"], Current(await Html.GetDocumentAsync(staff, $"/{commune.Slug}/thu-tuc")));
        Assert.Equal(["Thủ tục hành chính=true"], Current(await Html.GetDocumentAsync(staff, $"/{commune.Slug}/thu-tuc/{code}")));
        // One current link across the main and the staff navigation: the longest match wins.
        Assert.Equal(["Thư viện tài liệu=page"], Current(await Html.GetDocumentAsync(staff, $"/{commune.Slug}/tai-lieu")));
        Assert.Equal(["Tình trạng ISO=page"], Current(await Html.GetDocumentAsync(staff, $"/{commune.Slug}/tai-lieu/he-thong-iso")));
        Assert.Equal(["Phản ánh của người dân=page"], Current(await Html.GetDocumentAsync(staff, $"/{commune.Slug}/thu-tuc/quan-ly/phan-anh")));
        // A staff page that no link the person has names (the secretary manages no members) marks nothing.
        Assert.Empty(Current(await Html.GetDocumentAsync(staff, $"/{commune.Slug}/quan-tri/thanh-vien")));
    }
}
