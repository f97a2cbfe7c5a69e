using System.Net;
using AngleSharp.Dom;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Theming;

/// <summary>
/// The staff navigation (themes/README.md, <c>ViewData["StaffNav"]</c>): on every page, only the links the signed-in
/// person's roles may open, in both themes; nothing for citizens.
/// </summary>
public sealed class StaffNavigationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static (string Text, string Href)[] Links(IDocument page) =>
        [.. page.QuerySelectorAll("nav.staff-nav a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href")!))];

    private static string[] Texts(IDocument page) => [.. Links(page).Select(l => l.Text)];

    /// <summary>Every link shown opens for the person who sees it: the navigation never offers a refusal.</summary>
    private static async Task AllOpenAsync(HttpClient client, IDocument page)
    {
        foreach (var (text, href) in Links(page))
        {
            var response = await client.GetAsync(href);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{text} ({href}): {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("Default")]
    [InlineData("Lotus")]
    public async Task Staff_see_the_library_and_their_work_but_not_members_nor_posting_management(string theme)
    {
        var commune = await portal.CreateCommuneAsync(theme: theme);
        var staff = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Staff)]));

        var page = await Html.GetDocumentAsync(staff, $"/{commune.Slug}/thu-tuc");

        Assert.Equal(["Việc của tôi", "Tìm kiếm", "Thư viện tài liệu", "Phản ánh của người dân", "Tình trạng ISO", "Xếp hạng của xã", "Đánh giá nội bộ"], Texts(page));
        Assert.Equal($"/{commune.Slug}/tai-lieu", Links(page)[2].Href);
        Assert.Equal("Công việc của cán bộ", page.QuerySelector("nav.staff-nav")!.GetAttribute("aria-label"));
        Assert.Contains("no-print", page.QuerySelector("nav.staff-nav")!.ClassList);
        await AllOpenAsync(staff, page);
    }

    [Fact]
    public async Task The_commune_administrator_also_manages_postings_and_members_on_every_page_of_the_commune()
    {
        var commune = await portal.CreateCommuneAsync();
        var admin = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(commune, CommuneRole.CommuneAdmin)]));

        foreach (var path in new[] { "", "/thu-tuc", "/iso", "/tai-lieu" })
        {
            var page = await Html.GetDocumentAsync(admin, $"/{commune.Slug}{path}");
            Assert.Equal(["Việc của tôi", "Tìm kiếm", "Thư viện tài liệu", "Niêm yết TTHC", "Phản ánh của người dân", "Tình trạng ISO", "Xếp hạng của xã", "Đánh giá nội bộ", "Cài đặt nhắc việc", "Thư đi", "Thành viên"], Texts(page));
        }

        await AllOpenAsync(admin, await Html.GetDocumentAsync(admin, $"/{commune.Slug}"));
    }

    [Fact]
    public async Task Citizens_and_members_of_another_commune_get_no_staff_navigation_there()
    {
        var commune = await portal.CreateCommuneAsync();
        var outsider = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(await portal.CreateCommuneAsync(), CommuneRole.CommuneAdmin)]));

        Assert.Null((await Html.GetDocumentAsync(portal.Anonymous(), $"/{commune.Slug}")).QuerySelector("nav.staff-nav"));
        Assert.Null((await Html.GetDocumentAsync(portal.Anonymous(), "/")).QuerySelector("nav.staff-nav"));
        Assert.Null((await Html.GetDocumentAsync(outsider, $"/{commune.Slug}")).QuerySelector("nav.staff-nav"));
    }

    [Fact]
    public async Task The_platform_administrator_gets_the_admin_pages_the_catalogue_and_the_outbox_everywhere()
    {
        var commune = await portal.CreateCommuneAsync();
        var admin = await portal.SignedInAsync(await portal.CreateUserAsync(platformRole: PlatformRoles.PlatformAdmin));

        var platform = await Html.GetDocumentAsync(admin, "/");
        Assert.Equal([("Quản trị hệ thống", "/admin"), ("Người dùng cấp tỉnh", "/admin/nguoi-dung-tinh"), ("Giám sát tỉnh", "/tinh"), ("Tìm kiếm trong tỉnh", "/tinh/tim-kiem"), ("Danh mục TTHC", "/quan-tri/danh-muc-tthc"), ("Thư đi (hệ thống)", "/admin/thu-di"), ("Lịch làm việc", "/admin/lich-lam-viec")], Links(platform));
        await AllOpenAsync(admin, platform);

        // In a commune it reads everything a member may (it holds no role there, so it has no "Việc của tôi" of its own to count).
        var inCommune = Texts(await Html.GetDocumentAsync(admin, $"/{commune.Slug}"));
        Assert.Contains("Thư viện tài liệu", inCommune);
        Assert.Contains("Quản trị hệ thống", inCommune);
    }

    [Fact]
    public async Task A_province_auditor_gets_the_communes_of_the_province_and_the_catalogue_and_reads_a_communes_records()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "42");
        var elsewhere = await portal.CreateCommuneAsync(provinceCode: "44");
        var auditor = await portal.SignedInAsync(await portal.CreateUserAsync(platformRole: PlatformRoles.ProvinceAuditor, supervisedProvince: "42"));

        var platform = await Html.GetDocumentAsync(auditor, "/");
        Assert.Equal([("Giám sát tỉnh", "/tinh"), ("Xã, phường của tỉnh", "/tai-khoan"), ("Tìm kiếm trong tỉnh", "/tinh/tim-kiem"), ("Danh mục TTHC", "/quan-tri/danh-muc-tthc")], Links(platform));
        await AllOpenAsync(auditor, platform);

        var inProvince = await Html.GetDocumentAsync(auditor, $"/{commune.Slug}");
        Assert.Equal(["Thư viện tài liệu", "Tình trạng ISO", "Đánh giá nội bộ", "Giám sát tỉnh", "Xã, phường của tỉnh", "Tìm kiếm trong tỉnh", "Danh mục TTHC"], Texts(inProvince));
        await AllOpenAsync(auditor, inProvince);
        Assert.Equal(["Giám sát tỉnh", "Xã, phường của tỉnh", "Tìm kiếm trong tỉnh", "Danh mục TTHC"], Texts(await Html.GetDocumentAsync(auditor, $"/{elsewhere.Slug}")));
    }
}
