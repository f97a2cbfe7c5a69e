using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Tthc.Catalogue;

/// <summary>The catalogue export is the import format: a province can move its catalogue to another.</summary>
public sealed class ExportTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_catalogue_exported_from_one_province_and_imported_into_another_exports_the_same()
    {
        var renamed = TthcBuilder.Procedure(TthcBuilder.NextCode(), "Thủ tục công bố lại");
        var formerCode = TthcBuilder.NextCode();
        await portal.ImportAsync("46", TthcBuilder.Procedure(formerCode, "Thủ tục công bố lại"));
        renamed.Aliases.Add(formerCode);
        var rescinded = TthcBuilder.Procedure(TthcBuilder.NextCode(), "Thủ tục đã bãi bỏ");
        rescinded.Rescinded = true;
        await portal.ImportAsync("46", renamed, rescinded, TthcBuilder.Procedure(TthcBuilder.NextCode(), "Thủ tục thường"));
        var admin = await portal.SignedInAsync(await portal.CreateUserAsync(platformRole: PlatformRoles.PlatformAdmin));
        var editorB = await portal.SignedInAsync(await portal.CreateEditorAsync("48"));

        var exportA = await admin.GetAsync(CatalogueKit.ExportPage("46"));
        Assert.Equal(HttpStatusCode.OK, exportA.StatusCode);
        Assert.Equal("application/json", exportA.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("danh-muc-tthc-46-", exportA.Content.Headers.ContentDisposition!.FileNameStar ?? exportA.Content.Headers.ContentDisposition.FileName, StringComparison.Ordinal);
        var fileA = JsonNode.Parse(await exportA.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("qms-tthc-catalogue/1", (string?)fileA["format"]);
        Assert.Equal(3, fileA["procedures"]!.AsArray().Count);
        Assert.Contains(fileA["procedures"]!.AsArray(), p => p!["aliases"]?.AsArray().Any(a => (string?)a == formerCode) == true);

        fileA["province"] = "48";
        var imported = await UploadAsync(editorB, "48", Encoding.UTF8.GetBytes(fileA.ToJsonString()));
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);

        var fileB = JsonNode.Parse(await editorB.GetStringAsync(CatalogueKit.ExportPage("48")))!.AsObject();
        Assert.Equal("48", (string?)fileB["province"]);
        Assert.True(JsonNode.DeepEquals(fileA["procedures"], fileB["procedures"]), fileB.ToJsonString());
    }

    [Fact]
    public async Task A_file_for_another_province_is_refused_on_import()
    {
        await portal.ImportAsync("40", TthcBuilder.Procedure(TthcBuilder.NextCode()));
        var admin = await portal.SignedInAsync(await portal.CreateUserAsync(platformRole: PlatformRoles.PlatformAdmin));
        var editor = await portal.SignedInAsync(await portal.CreateEditorAsync("42"));
        var file = await admin.GetByteArrayAsync(CatalogueKit.ExportPage("40"));

        var page = await Html.ParseAsync(await UploadAsync(editor, "42", file));

        Assert.Contains("Tệp dành cho tỉnh mã 40", page.QuerySelector(".tthc-import-errors")!.TextContent, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string province, byte[] bytes)
    {
        var page = await Html.GetDocumentAsync(client, $"{CatalogueKit.Page}?province={province}");
        var form = page.QuerySelectorAll("form[method=post]").First(f => (f.GetAttribute("action") ?? "").Contains("handler=Import", StringComparison.Ordinal));
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(form.QuerySelector("input[name=__qms_af]")!.GetAttribute("value")!), "__qms_af");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(file, "file", "danh-muc.json");
        return await client.PostAsync(form.GetAttribute("action"), content);
    }
}
