using QmsPortal.Tests.Support;

namespace QmsPortal.Tests.Features.Tthc.Catalogue;

/// <summary>The demo's province editor (recipe step platform-users) keeps Quảng Trị's catalogue and nothing else.</summary>
public sealed class DemoEditorTests(DemoPortalFactory portal) : IClassFixture<DemoPortalFactory>
{
    private const string Editor = "bientap.quangtri@qms.demo";

    [Fact]
    public async Task The_demo_editor_opens_the_Quang_Tri_catalogue_with_its_forms_and_is_refused_elsewhere()
    {
        var editor = await portal.SignedInAsync(Editor, "Demo@2025qms");

        var page = await Html.GetDocumentAsync(editor, CatalogueKit.Page);
        var edit = await Html.GetDocumentAsync(editor, CatalogueKit.EditPage("44", "1.001193"));
        var account = await Html.GetDocumentAsync(editor, "/tai-khoan");

        Assert.Contains("Tỉnh Quảng Trị", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("tr[data-code='1.001193']"));
        Assert.NotNull(page.QuerySelector("form[action*='handler=Import']"));
        Assert.Equal("1.001193", edit.QuerySelector("input[name='Input.Code']")!.GetAttribute("value"));
        Assert.Contains("Biên tập danh mục TTHC cấp tỉnh — Tỉnh Quảng Trị", account.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        CatalogueKit.AssertForbidden(await editor.GetAsync(CatalogueKit.Page + "?province=42"));
    }
}
