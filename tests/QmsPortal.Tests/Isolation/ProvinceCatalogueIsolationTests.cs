using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Features.Tthc.Catalogue;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Tthc;

namespace QmsPortal.Tests.Isolation;

/// <summary>A ProvinceEditor cannot touch another province's catalogue: not through its pages, forms, export or a swapped province.</summary>
public sealed class ProvinceCatalogueIsolationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_editor_of_Quang_Tri_gets_403_on_every_Ha_Tinh_catalogue_address_and_Ha_Tinh_stays_as_it_was()
    {
        var code = TthcBuilder.NextCode();
        await portal.ImportAsync("42", TthcBuilder.Procedure(code));
        var editor = await portal.SignedInAsync(await portal.CreateEditorAsync("44"));
        var own = CatalogueKit.Page;
        var haTinh = await CountAsync();

        CatalogueKit.AssertForbidden(await editor.GetAsync(CatalogueKit.Page + "?province=42"));
        CatalogueKit.AssertForbidden(await editor.GetAsync(CatalogueKit.ExportPage("42")));
        CatalogueKit.AssertForbidden(await editor.GetAsync(CatalogueKit.EditPage("42", code)));
        CatalogueKit.AssertForbidden(await editor.GetAsync(CatalogueKit.EditPage("42")));
        CatalogueKit.AssertForbidden(await CatalogueKit.PostWithTokenAsync(editor, own, CatalogueKit.Page + "?province=42&handler=Import"));
        CatalogueKit.AssertForbidden(await CatalogueKit.PostWithTokenAsync(editor, own, CatalogueKit.Page + "?province=42&handler=Form"));
        CatalogueKit.AssertForbidden(await CatalogueKit.PostWithTokenAsync(editor, own, CatalogueKit.EditPage("42", code) + "&handler=Preview",
            new() { ["Input.Code"] = code, ["Input.Name"] = "Đổi tên", ["Input.Field"] = "Hộ tịch" }));
        CatalogueKit.AssertForbidden(await CatalogueKit.PostWithTokenAsync(editor, own, CatalogueKit.EditPage("42", code) + "&handler=MoreRows"));
        CatalogueKit.AssertForbidden(await CatalogueKit.PostWithTokenAsync(editor, own, CatalogueKit.EditPage("42", code) + "&handler=Back"));

        // A confirmed record carried to Save under the other province is refused too.
        var changed = TthcBuilder.Procedure(code, "Đổi tên qua tỉnh khác");
        CatalogueKit.AssertForbidden(await CatalogueKit.PostWithTokenAsync(editor, own, CatalogueKit.EditPage("42", code) + "&handler=Save",
            new() { ["ContentJson"] = changed.ToJson(), ["BaseVersion"] = "1" }));
        CatalogueKit.AssertForbidden(await CatalogueKit.PostWithTokenAsync(editor, own, CatalogueKit.EditPage("42") + "&handler=Save",
            new() { ["ContentJson"] = TthcBuilder.Procedure(TthcBuilder.NextCode()).ToJson(), ["BaseVersion"] = "0" }));

        Assert.Equal(1, await portal.VersionCountAsync("42", code));
        Assert.Equal(haTinh, await CountAsync());
        Assert.Equal(0, await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Set<TthcFormFile>().CountAsync()));
    }

    private Task<int> CountAsync() =>
        portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Set<CatalogueProcedure>().CountAsync(p => p.ProvinceCode == "42"));

    [Fact]
    public async Task The_own_catalogue_page_never_lists_another_province_and_its_edit_page_does_not_open_their_codes()
    {
        var theirs = TthcBuilder.NextCode();
        var mine = TthcBuilder.NextCode();
        await portal.ImportAsync("42", TthcBuilder.Procedure(theirs, "Thủ tục của Hà Tĩnh"));
        await portal.ImportAsync("44", TthcBuilder.Procedure(mine, "Thủ tục của Quảng Trị"));
        var editor = await portal.SignedInAsync(await portal.CreateEditorAsync("44"));

        var page = await Html.GetDocumentAsync(editor, CatalogueKit.Page);
        var export = await editor.GetStringAsync(CatalogueKit.ExportPage("44"));

        Assert.NotNull(page.QuerySelector($"tr[data-code='{mine}']"));
        Assert.Null(page.QuerySelector($"tr[data-code='{theirs}']"));
        Assert.DoesNotContain(theirs, export, StringComparison.Ordinal);
        Assert.Contains(mine, export, StringComparison.Ordinal);
        // Their code under the own province is simply not in the own catalogue.
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await editor.GetAsync(CatalogueKit.EditPage("44", theirs))).StatusCode);
    }
}
