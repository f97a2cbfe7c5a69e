using System.Net;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Tthc.Catalogue;

/// <summary>
/// Who may do what with a province catalogue: the editor and the admin change it, the province's auditor only reads
/// and exports it (the office that inspects communes is not the one that announces TTHC), anyone else nothing.
/// </summary>
public sealed class AccessTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task An_auditor_views_and_exports_the_own_catalogue_but_cannot_edit_import_or_upload()
    {
        var code = TthcBuilder.NextCode();
        await portal.ImportAsync("44", TthcBuilder.Procedure(code));
        var auditor = await portal.SignedInAsync(await portal.CreateUserAsync(platformRole: PlatformRoles.ProvinceAuditor, supervisedProvince: "44"));

        var page = await Html.GetDocumentAsync(auditor, CatalogueKit.Page);
        var export = await auditor.GetAsync(CatalogueKit.ExportPage("44"));

        Assert.NotNull(page.QuerySelector($"tr[data-code='{code}']"));
        Assert.Empty(page.QuerySelectorAll("main form[method=post]"));
        Assert.Null(page.QuerySelector($"a[href*='/sua']"));
        Assert.NotNull(page.QuerySelector("a[href='/quan-tri/danh-muc-tthc/xuat?province=44']"));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Contains(code, await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        CatalogueKit.AssertForbidden(await auditor.GetAsync(CatalogueKit.EditPage("44", code)));
        CatalogueKit.AssertForbidden(await auditor.GetAsync(CatalogueKit.EditPage("44")));
        CatalogueKit.AssertForbidden(await CatalogueKit.PostWithTokenAsync(auditor, CatalogueKit.Page, CatalogueKit.Page + "?province=44&handler=Import"));
        CatalogueKit.AssertForbidden(await CatalogueKit.PostWithTokenAsync(auditor, CatalogueKit.Page, CatalogueKit.Page + "?province=44&handler=Form"));
        CatalogueKit.AssertForbidden(await CatalogueKit.PostWithTokenAsync(auditor, CatalogueKit.Page, CatalogueKit.EditPage("44", code) + "&handler=Preview",
            new() { ["Input.Code"] = code, ["Input.Name"] = "Đổi tên", ["Input.Field"] = "Hộ tịch" }));
        Assert.Equal(1, await portal.VersionCountAsync("44", code));
    }

    [Fact]
    public async Task The_editor_of_the_province_gets_the_forms_and_only_the_catalogue_in_the_navigation()
    {
        var code = TthcBuilder.NextCode();
        await portal.ImportAsync("44", TthcBuilder.Procedure(code));
        var editor = await portal.SignedInAsync(await portal.CreateEditorAsync("44"));

        var page = await Html.GetDocumentAsync(editor, CatalogueKit.Page);

        Assert.Contains("Tỉnh Quảng Trị", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("form[action*='handler=Import']"));
        Assert.NotNull(page.QuerySelector("form[action*='handler=Form']"));
        Assert.NotNull(page.QuerySelector($"tr[data-code='{code}'] a[href='/quan-tri/danh-muc-tthc/sua?province=44&code={code}']"));
        Assert.NotNull(page.QuerySelector("a[href='/quan-tri/danh-muc-tthc/sua?province=44']"));
        Assert.Equal(["Danh mục TTHC"], page.QuerySelectorAll("nav.staff-nav a").Select(a => a.TextContent.Trim()).ToList());
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(CatalogueKit.EditPage("44", code))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(CatalogueKit.EditPage("44", "9.999999"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(CatalogueKit.Page + "?province=99")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(CatalogueKit.ExportPage("99"))).StatusCode);
    }

    [Fact]
    public async Task A_user_without_a_province_role_is_refused_everywhere()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "44");
        var code = TthcBuilder.NextCode();
        await portal.ImportAsync("44", TthcBuilder.Procedure(code));
        var staff = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(commune, CommuneRole.CommuneAdmin)]));

        CatalogueKit.AssertForbidden(await staff.GetAsync(CatalogueKit.Page + "?province=44"));
        CatalogueKit.AssertForbidden(await staff.GetAsync(CatalogueKit.ExportPage("44")));
        CatalogueKit.AssertForbidden(await staff.GetAsync(CatalogueKit.EditPage("44", code)));
        Assert.Equal(HttpStatusCode.Redirect, (await portal.Anonymous().GetAsync(CatalogueKit.ExportPage("44"))).StatusCode);
    }
}
