using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Recipes;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Admin;

public sealed class CommuneAdministrationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<HttpClient> AdminAsync() =>
        await portal.SignedInAsync(await portal.CreateUserAsync(platformRole: PlatformRoles.PlatformAdmin));

    private static Dictionary<string, string> Form(string slug, string code, string name = "Xã Kỳ Đồng", string province = "42") => new()
    {
        ["Input.Name"] = name, ["Input.Slug"] = slug, ["Input.Code"] = code, ["Input.ProvinceCode"] = province,
        ["Input.Kind"] = "Xa", ["Input.Theme"] = "Default", ["Input.Recipe"] = "commune-starter",
    };

    [Fact]
    public async Task A_platform_admin_creates_a_commune_with_a_recipe_from_the_web()
    {
        var admin = await AdminAsync();

        var response = await Html.PostFormAsync(admin, "/admin/xa/them", Form("ky-dong-web", "18101"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/xa/ky-dong-web", response.Headers.Location!.OriginalString);
        var home = await Html.GetDocumentAsync(portal.Anonymous(), "/ky-dong-web");
        Assert.Contains("Xã Kỳ Đồng", home.QuerySelector("h1")!.TextContent);
        Assert.Contains("Thời gian tiếp nhận hồ sơ", home.Body!.TextContent);
        Assert.True(await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Set<RecipeApplication>()
            .AnyAsync(r => r.Name == "commune-starter" && EF.Functions.Like(r.AppliedBy, "%@%"))));
    }

    [Fact]
    public async Task Bad_input_names_each_field_in_Vietnamese_and_creates_nothing()
    {
        var admin = await AdminAsync();
        var existing = await portal.CreateCommuneAsync();

        var cases = new (Dictionary<string, string> Form, string Field, string Expected)[]
        {
            (Form("Ky Dong", "18102"), "Input.Slug", "Đường dẫn"),
            (Form("ky-dong-2", "1810"), "Input.Code", "5 chữ số"),
            (Form("ky-dong-3", existing.Code), "Input.Code", "Đã có xã"),
            (Form(existing.Slug, "18104"), "Input.Slug", "đã thuộc về"),
            (Form("ky-dong-5", "18105", province: "99"), "Input.ProvinceCode", "Không có tỉnh"),
            (Form("ky-dong-6", "18106", name: new string('x', 121)), "Input.Name", "tối đa 120"),
            (Form("admin", "18107"), "Input.Slug", "đã được hệ thống dùng"),
        };
        var before = await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Tenants.CountAsync());

        foreach (var (form, field, expected) in cases)
        {
            var response = await Html.PostFormAsync(admin, "/admin/xa/them", form);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var message = Html.FieldError(await Html.ParseAsync(response), field);
            Assert.True(message?.Contains(expected) == true, $"{field}: expected \"{expected}\", got \"{message}\"");
        }

        Assert.Equal(before, await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Tenants.CountAsync()));
    }

    [Fact]
    public async Task A_host_name_already_used_by_another_commune_is_refused()
    {
        var admin = await AdminAsync();
        await portal.CreateCommuneAsync(host: "trung.hatinh.gov.vn");
        var form = Form("xa-trung-host", "18111");
        form["Input.HostNames"] = "trung.hatinh.gov.vn";

        var response = await Html.PostFormAsync(admin, "/admin/xa/them", form);

        Assert.Contains("đã thuộc về", Html.FieldError(await Html.ParseAsync(response), "Input.HostNames"));
    }

    [Fact]
    public async Task Disabling_from_the_web_suspends_the_public_pages_and_the_api_listing()
    {
        var admin = await AdminAsync();
        var commune = await portal.CreateCommuneAsync();

        await Html.PostFormAsync(admin, $"/admin/xa/{commune.Slug}", new() { ["DisableReason"] = "Kiểm tra dữ liệu" }, handler: "Disable");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await portal.Anonymous().GetAsync("/" + commune.Slug)).StatusCode);
        Assert.DoesNotContain(commune.Slug, await portal.Anonymous().GetStringAsync("/api/tenants"));

        await Html.PostFormAsync(admin, $"/admin/xa/{commune.Slug}", [], handler: "Enable");

        Assert.Equal(HttpStatusCode.OK, (await portal.Anonymous().GetAsync("/" + commune.Slug)).StatusCode);
    }

    [Fact]
    public async Task Renaming_and_switching_theme_take_effect_at_once()
    {
        var admin = await AdminAsync();
        var commune = await portal.CreateCommuneAsync();
        // The first visit puts the public home page in the output cache; the edit must evict it.
        await portal.Anonymous().GetAsync("/" + commune.Slug);

        await Html.PostFormAsync(admin, $"/admin/xa/{commune.Slug}", new() { ["Input.Name"] = "Xã Đổi Tên", ["Input.Theme"] = "Lotus" }, handler: "Save");

        var page = await Html.GetDocumentAsync(portal.Anonymous(), "/" + commune.Slug);
        Assert.Contains("Xã Đổi Tên", page.QuerySelector("h1")!.TextContent);
        Assert.Contains(page.QuerySelectorAll("link[rel=stylesheet]"), l => l.GetAttribute("href")!.Contains("Themes.Lotus"));
    }

    [Fact]
    public async Task Admin_pages_are_refused_to_commune_members_and_anonymous_users()
    {
        var commune = await portal.CreateCommuneAsync();
        var member = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(commune, CommuneRole.CommuneAdmin)]));

        var asMember = await member.GetAsync("/admin");
        var asAnonymous = await portal.Anonymous().GetAsync("/admin/xa/them");

        Assert.Equal("/tai-khoan/khong-co-quyen", asMember.Headers.Location!.AbsolutePath);
        Assert.Equal("/tai-khoan/dang-nhap", asAnonymous.Headers.Location!.AbsolutePath);
    }
}
