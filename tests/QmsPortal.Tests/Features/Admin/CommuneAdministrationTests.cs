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
    public async Task One_submit_with_several_mistakes_names_every_field_at_once()
    {
        var admin = await AdminAsync();
        var existing = await portal.CreateCommuneAsync();
        var form = Form(existing.Slug, "181", name: "", province: "");
        form["Input.HostNames"] = "khong hop le";

        var page = await Html.ParseAsync(await Html.PostFormAsync(admin, "/admin/xa/them", form));

        Assert.Contains("tên xã", Html.FieldError(page, "Input.Name"));
        Assert.Contains("đã thuộc về", Html.FieldError(page, "Input.Slug"));
        Assert.Contains("5 chữ số", Html.FieldError(page, "Input.Code"));
        Assert.Contains("chọn tỉnh", Html.FieldError(page, "Input.ProvinceCode"));
        Assert.Contains("không hợp lệ", Html.FieldError(page, "Input.HostNames"));
    }

    [Fact]
    public async Task A_slug_another_commune_holds_is_refused_with_one_naming_the_province_and_the_code_stays_the_identity()
    {
        var admin = await AdminAsync();
        var slug = $"tuyen-binh-{PortalFactory.Next()}";
        var quangTri = await portal.CreateCommuneAsync(slug: slug, provinceCode: "44");
        string NewCode() => (30000 + PortalFactory.Next()).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var refused = Html.FieldError(await Html.ParseAsync(await Html.PostFormAsync(admin, "/admin/xa/them", Form(slug, NewCode(), "Xã Tuyên Bình", "80"))), "Input.Slug");
        var created = await Html.PostFormAsync(admin, "/admin/xa/them", Form($"{slug}-tay-ninh", NewCode(), "Xã Tuyên Bình", "80"));
        var thirdRefused = Html.FieldError(await Html.ParseAsync(await Html.PostFormAsync(admin, "/admin/xa/them", Form(slug, NewCode(), "Xã Tuyên Bình", "80"))), "Input.Slug");

        Assert.Contains($"\"{slug}\" đã thuộc về {quangTri.Name} (mã {quangTri.Code}, Tỉnh Quảng Trị)", refused);
        Assert.Contains($"hãy dùng đường dẫn \"{slug}-tay-ninh\"", refused);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains($"hãy dùng đường dẫn \"{slug}-80\"", thirdRefused);
        var codes = await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Tenants
            .Where(t => t.Slug == slug + "-tay-ninh" || t.Slug == slug).Select(t => t.Code).ToListAsync());
        Assert.Equal(2, codes.Distinct().Count());
    }

    [Fact]
    public async Task The_edit_form_names_every_wrong_field_at_once_changes_nothing_and_links_to_the_public_site()
    {
        var admin = await AdminAsync();
        var commune = await portal.CreateCommuneAsync();
        var url = $"/admin/xa/{commune.Slug}";

        var response = await Html.PostFormAsync(admin, url, new() { ["Input.Name"] = "", ["Input.Email"] = "khong-phai-thu", ["Input.HostNames"] = "ten mien sai" }, handler: "Save");

        var page = await Html.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(Html.FieldError(page, "Input.Name"));
        Assert.Contains("không hợp lệ", Html.FieldError(page, "Input.Email"));
        Assert.Contains("không hợp lệ", Html.FieldError(page, "Input.HostNames"));
        Assert.Equal(commune.Name, await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Tenants.Where(t => t.Id == commune.Id).Select(t => t.Name).SingleAsync()));
        Assert.Equal("/" + commune.Slug, (await Html.GetDocumentAsync(admin, url)).QuerySelector("a#trang-cong-khai")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Line_ends_a_browser_sends_in_a_text_area_come_back_as_plain_line_feeds()
    {
        var admin = await AdminAsync();
        var form = Form("xa-xuong-dong", "18121", name: "");
        form["Input.HostNames"] = "mot.hatinh.gov.vn\r\nhai.hatinh.gov.vn";

        var response = await Html.PostFormAsync(admin, "/admin/xa/them", form);

        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("&#xD;", html, StringComparison.OrdinalIgnoreCase);
        var shown = (AngleSharp.Html.Dom.IHtmlTextAreaElement)(await Html.ParseAsync(response)).QuerySelector("textarea[name='Input.HostNames']")!;
        Assert.Equal("mot.hatinh.gov.vn\nhai.hatinh.gov.vn", shown.Value);
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
