using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Features.Tthc.Catalogue;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Admin;

/// <summary>/admin/nguoi-dung-tinh: the platform admin gives and takes province roles, each tied to one province.</summary>
public sealed class ProvinceUsersTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Page = "/admin/nguoi-dung-tinh";

    [Fact]
    public async Task Granting_the_editor_role_opens_that_catalogue_for_changes_and_revoking_closes_it()
    {
        var admin = await portal.SignedInAsync(await portal.CreateUserAsync(platformRole: PlatformRoles.PlatformAdmin));
        var email = await portal.CreateUserAsync(fullName: "Trần Biên Tập");

        var granted = await Html.PostFormAsync(admin, Page, new() { ["Input.Email"] = email, ["Input.Role"] = PlatformRoles.ProvinceEditor, ["Input.Province"] = "44" }, "Grant");

        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        var user = await UserAsync(email);
        Assert.Equal("44", user.EditedProvinceCode);
        Assert.Null(user.SupervisedProvinceCode);
        var row = (await Html.GetDocumentAsync(admin, Page)).QuerySelector($"tr[data-email='{email}'][data-role='{PlatformRoles.ProvinceEditor}']")!;
        Assert.Contains("Biên tập danh mục TTHC cấp tỉnh", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Tỉnh Quảng Trị", row.TextContent, StringComparison.Ordinal);
        var editor = await portal.SignedInAsync(email);
        Assert.NotNull((await Html.GetDocumentAsync(editor, CatalogueKit.Page)).QuerySelector("form[action*='handler=Import']"));
        CatalogueKit.AssertForbidden(await editor.GetAsync(CatalogueKit.Page + "?province=42"));

        var page = await Html.GetDocumentAsync(admin, Page);
        var revoke = page.QuerySelector($"tr[data-email='{email}'] form")!;
        var revoked = await admin.PostAsync(revoke.GetAttribute("action"), new FormUrlEncodedContent(revoke.QuerySelectorAll("input").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value")!))));

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Null((await UserAsync(email)).EditedProvinceCode);
        Assert.False(await portal.InScopeAsync(async sp => await sp.GetRequiredService<UserManager<PortalUser>>().IsInRoleAsync(await sp.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email) ?? throw new InvalidOperationException(), PlatformRoles.ProvinceEditor)));
        // The session signed in before the revocation is refused at once: the province is read from the database.
        CatalogueKit.AssertForbidden(await editor.GetAsync(CatalogueKit.Page + "?province=44"));
        Assert.Null((await Html.GetDocumentAsync(admin, Page)).QuerySelector($"tr[data-email='{email}']"));
    }

    [Fact]
    public async Task Granting_the_auditor_role_sets_the_supervised_province()
    {
        var admin = await portal.SignedInAsync(await portal.CreateUserAsync(platformRole: PlatformRoles.PlatformAdmin));
        var email = await portal.CreateUserAsync();

        await Html.PostFormAsync(admin, Page, new() { ["Input.Email"] = email, ["Input.Role"] = PlatformRoles.ProvinceAuditor, ["Input.Province"] = "42" }, "Grant");

        var user = await UserAsync(email);
        Assert.Equal("42", user.SupervisedProvinceCode);
        Assert.Null(user.EditedProvinceCode);
        var auditor = await portal.SignedInAsync(email);
        Assert.Empty((await Html.GetDocumentAsync(auditor, CatalogueKit.Page)).QuerySelectorAll("main form[method=post]"));
    }

    [Fact]
    public async Task An_unknown_e_mail_or_province_is_named_in_Vietnamese_and_nothing_changes()
    {
        var admin = await portal.SignedInAsync(await portal.CreateUserAsync(platformRole: PlatformRoles.PlatformAdmin));
        var email = await portal.CreateUserAsync();

        var unknownEmail = await Html.ParseAsync(await Html.PostFormAsync(admin, Page,
            new() { ["Input.Email"] = "khongco@thu.vn", ["Input.Role"] = PlatformRoles.ProvinceEditor, ["Input.Province"] = "44" }, "Grant"));
        var unknownProvince = await Html.ParseAsync(await Html.PostFormAsync(admin, Page,
            new() { ["Input.Email"] = email, ["Input.Role"] = PlatformRoles.ProvinceEditor, ["Input.Province"] = "99" }, "Grant"));
        var noRole = await Html.ParseAsync(await Html.PostFormAsync(admin, Page,
            new() { ["Input.Email"] = email, ["Input.Role"] = PlatformRoles.PlatformAdmin, ["Input.Province"] = "44" }, "Grant"));

        Assert.Equal("Không có người dùng nào có thư điện tử khongco@thu.vn. Người đó cần có tài khoản trước.", Html.FieldError(unknownEmail, "Input.Email"));
        Assert.Equal("Không có tỉnh, thành phố mã \"99\".", Html.FieldError(unknownProvince, "Input.Province"));
        Assert.StartsWith("Chọn vai trò", Html.FieldError(noRole, "Input.Role"), StringComparison.Ordinal);
        var user = await UserAsync(email);
        Assert.Null(user.EditedProvinceCode);
        Assert.False(await portal.InScopeAsync(sp => sp.GetRequiredService<UserManager<PortalUser>>().IsInRoleAsync(user, PlatformRoles.PlatformAdmin)));
    }

    [Fact]
    public async Task Only_the_platform_admin_opens_the_page()
    {
        var editor = await portal.SignedInAsync(await portal.CreateEditorAsync("44"));
        var auditor = await portal.SignedInAsync(await portal.CreateUserAsync(platformRole: PlatformRoles.ProvinceAuditor, supervisedProvince: "44"));

        CatalogueKit.AssertForbidden(await editor.GetAsync(Page));
        CatalogueKit.AssertForbidden(await auditor.GetAsync(Page));
    }

    private Task<PortalUser> UserAsync(string email) =>
        portal.InScopeAsync(async sp => (await sp.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email))!);
}
