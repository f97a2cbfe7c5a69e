using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Tthc;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Tthc.Catalogue;

/// <summary>The form upload of a province catalogue (handler Form of /quan-tri/danh-muc-tthc) judges files by their structure.</summary>
public sealed class FormUploadTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Page = "/quan-tri/danh-muc-tthc?province=46";

    public static TheoryData<string, string, string> Hostile => new()
    {
        { "html-behind-pdf-header", "to-khai.pdf", "Tệp không phải PDF hợp lệ" },
        { "zip-bomb", "to-khai.docx", "Tệp Word (.docx) chứa dữ liệu giải nén quá lớn" },
        { "macro", "bang-ke.xlsx", "Tệp chứa macro (xl/vbaProject.bin)" },
        { "spreadsheet-named-odt", "to-khai.odt", "Tệp không phải OpenDocument (.odt) hợp lệ" },
        { "executable-named-doc", "to-khai.doc", "Tệp không phải Word 97–2003 (.doc) hợp lệ" },
        { "big-endian-xls", "bang-ke.xls", "phần đầu OLE2 có giá trị không hợp lệ" },
    };

    private static byte[] Sample(string name) => name switch
    {
        "html-behind-pdf-header" => TestFiles.HtmlWithPdfHeader(),
        "zip-bomb" => TestFiles.ZipBomb,
        "macro" => TestFiles.Xlsx(("xl/vbaProject.bin", [0xD0, 0xCF, 0x11, 0xE0])),
        "spreadsheet-named-odt" => TestFiles.Odt("application/vnd.oasis.opendocument.spreadsheet"),
        "executable-named-doc" => "MZ\u0090\0 không phải tài liệu Word"u8.ToArray(),
        "big-endian-xls" => TestFiles.Ole2(byteOrder: 0xFEFF),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task A_hostile_form_file_is_refused_with_a_Vietnamese_message_and_nothing_is_stored(string sample, string fileName, string message)
    {
        var client = await portal.SignedInAsync(await portal.CreateUserAsync(platformRole: PlatformRoles.PlatformAdmin));
        var rowsBefore = await FormFileCountAsync();
        var storedBefore = StoredFiles();

        var page = await Html.ParseAsync(await UploadAsync(client, fileName, Sample(sample)));

        Assert.Contains(message, page.QuerySelector(".tthc-import-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".tthc-sha"));
        Assert.Equal(rowsBefore, await FormFileCountAsync());
        Assert.Equal(storedBefore, StoredFiles());
    }

    [Fact]
    public async Task A_well_formed_form_of_every_accepted_kind_is_stored_with_its_content_type()
    {
        var client = await portal.SignedInAsync(await portal.CreateUserAsync(platformRole: PlatformRoles.PlatformAdmin));
        var files = new[]
        {
            ("to-khai.pdf", TestFiles.Pdf()), ("to-khai.docx", TestFiles.Docx()), ("bang-ke.xlsx", TestFiles.Xlsx()),
            ("to-khai.odt", TestFiles.Odt()), ("to-khai.doc", TestFiles.Ole2()), ("bang-ke.xls", TestFiles.Ole2(sectors: 2)),
        };

        foreach (var (name, bytes) in files)
        {
            var page = await Html.ParseAsync(await UploadAsync(client, name, bytes));
            Assert.True(page.QuerySelector(".tthc-sha") is not null, $"{name}: {page.QuerySelector(".tthc-import-errors")?.TextContent}");
        }

        var types = await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Set<TthcFormFile>().Where(f => f.ProvinceCode == "46")
            .Select(f => f.ContentType).ToListAsync());
        Assert.Equal(
            ["application/msword", "application/pdf", "application/vnd.ms-excel", "application/vnd.oasis.opendocument.text",
             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
            types.Order());
    }

    private Task<int> FormFileCountAsync() => portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Set<TthcFormFile>().CountAsync());

    private List<string> StoredFiles() =>
        Directory.Exists(portal.FilesRoot) ? [.. Directory.GetFiles(portal.FilesRoot, "*", SearchOption.AllDirectories).Order()] : [];

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] bytes)
    {
        var page = await Html.GetDocumentAsync(client, Page);
        var form = page.QuerySelectorAll("form[method=post]").First(f => (f.GetAttribute("action") ?? "").Contains("handler=Form", StringComparison.Ordinal));
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(form.QuerySelector("input[name=__qms_af]")!.GetAttribute("value")!), "__qms_af");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", fileName);
        return await client.PostAsync(form.GetAttribute("action"), content);
    }
}
