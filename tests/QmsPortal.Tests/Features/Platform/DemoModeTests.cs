using System.Net;
using System.Text.Json;
using QmsPortal.Tests.Support;

namespace QmsPortal.Tests.Features.Platform;

/// <summary>What `dotnet run` gives a newcomer: demo communes and one demo sign-in per role.</summary>
public sealed class DemoModeTests(DemoPortalFactory portal) : IClassFixture<DemoPortalFactory>
{
    [Fact]
    public async Task Demo_mode_creates_at_least_four_communes_in_at_least_three_provinces()
    {
        var response = await portal.Anonymous().GetAsync("/api/tenants");

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var communes = json.RootElement.EnumerateArray().ToList();
        Assert.True(communes.Count >= 4, $"{communes.Count} demo communes");
        Assert.True(communes.Select(c => c.GetProperty("province").GetProperty("code").GetString()).Distinct().Count() >= 3);
        Assert.Contains(communes, c => c.GetProperty("name").GetString() == "Xã Tuyên Bình");
    }

    [Theory]
    [InlineData("quantri@qms.demo", "Quản trị hệ thống")]
    [InlineData("kiemtra.quangtri@qms.demo", "Kiểm tra viên cấp tỉnh")]
    [InlineData("quantri.tuyenbinh@qms.demo", "Quản trị xã")]
    [InlineData("thuky.tuyenbinh@qms.demo", "Thư ký ISO")]
    [InlineData("chutich.tuyenbinh@qms.demo", "Lãnh đạo phê duyệt")]
    [InlineData("canbo.tuyenbinh@qms.demo", "Cán bộ, công chức")]
    [InlineData("danhgia.tuyenbinh@qms.demo", "Chuyên gia đánh giá nội bộ")]
    public async Task Each_demo_sign_in_works_and_shows_its_role(string email, string roleLabel)
    {
        var client = await portal.SignedInAsync(email, "Demo@2025qms");

        var page = await Html.GetDocumentAsync(client, "/tai-khoan");

        Assert.Contains(roleLabel, page.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Former_names_find_a_merged_commune()
    {
        var page = await Html.GetDocumentAsync(portal.Anonymous(), "/?q=mai+hoa");

        Assert.Contains(page.QuerySelectorAll(".commune-list a"), a => a.TextContent == "Xã Tuyên Bình");
    }

    [Fact]
    public async Task A_demo_commune_is_reached_by_its_demo_host_name()
    {
        var response = await portal.Anonymous("tuyenbinh.qms.localhost").GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Xã Tuyên Bình", (await Html.ParseAsync(response)).QuerySelector("h1")!.TextContent);
    }
}
