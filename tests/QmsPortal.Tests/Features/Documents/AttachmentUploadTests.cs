using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Features.Documents;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Documents;

/// <summary>The attachment upload of a draft (handler Upload of /{slug}/tai-lieu/{id}) judges files by their structure.</summary>
public sealed class AttachmentUploadTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    public static TheoryData<string, string, string> Hostile => new()
    {
        { "html-behind-pdf-header", "bieu-mau.pdf", "Tệp không phải PDF hợp lệ" },
        { "pdf-with-html-inside", "bieu-mau.pdf", "mã trang web" },
        { "truncated-pdf", "bieu-mau.pdf", "thiếu phần kết thúc" },
        { "zip-bomb", "to-khai.docx", "Tệp Word (.docx) chứa dữ liệu giải nén quá lớn" },
        { "zip-bomb-with-lying-sizes", "to-khai.docx", "Tệp Word (.docx) chứa dữ liệu giải nén quá lớn" },
        { "macro", "to-khai.docx", "Tệp chứa macro" },
        { "workbook-named-docx", "to-khai.docx", "phần nội dung chính không phải văn bản Word" },
    };

    private static byte[] Sample(string name) => name switch
    {
        "html-behind-pdf-header" => TestFiles.HtmlWithPdfHeader(),
        "pdf-with-html-inside" => TestFiles.PdfWithHtmlInside(),
        "truncated-pdf" => TestFiles.Pdf()[..^40],
        "zip-bomb" => TestFiles.ZipBomb,
        "zip-bomb-with-lying-sizes" => TestFiles.WithDeclaredSize(TestFiles.ZipBomb, "word/media/zeros.bin", 1_000),
        "macro" => TestFiles.DocxWithMacro(),
        "workbook-named-docx" => TestFiles.Xlsx(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private async Task<(TenantInfo Commune, int Document, int Revision, HttpClient Client)> DraftAsync()
    {
        var commune = await portal.CreateCommuneAsync();
        var secretary = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary)]);
        var id = await DocumentSeed.CreateAsync(portal, commune, "BM-02", RevisionStatus.Draft, secretary, kind: DocumentKind.Form);
        return (commune, id, await DocumentSeed.RevisionIdAsync(portal, commune, id, 1), await portal.SignedInAsync(secretary));
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task A_hostile_attachment_is_refused_with_a_Vietnamese_message_and_nothing_is_stored(string sample, string fileName, string message)
    {
        var (commune, id, revision, client) = await DraftAsync();
        var storedBefore = StoredFiles();

        var alert = await UploadAsync(client, commune, id, revision, fileName, Sample(sample));

        Assert.Contains(message, alert, StringComparison.Ordinal);
        Assert.Equal(0, await DocumentSeed.ReadAsync(portal, commune, db => db.Set<DocumentAttachment>().CountAsync(a => a.DocumentId == id)));
        Assert.Equal(storedBefore, StoredFiles());
    }

    [Fact]
    public async Task A_well_formed_pdf_docx_and_xlsx_are_attached_and_stored()
    {
        var (commune, id, revision, client) = await DraftAsync();

        foreach (var (name, bytes) in new[] { ("to-khai.pdf", TestFiles.Pdf()), ("to-khai.docx", TestFiles.Docx()), ("bang-ke.xlsx", TestFiles.Xlsx()) })
        {
            Assert.Contains($"Đã đính kèm {name}", await UploadAsync(client, commune, id, revision, name, bytes), StringComparison.Ordinal);
        }

        var types = await DocumentSeed.ReadAsync(portal, commune, db => db.Set<DocumentAttachment>().Where(a => a.DocumentId == id).Select(a => a.ContentType).ToListAsync());
        Assert.Equal(["application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"], types.Order());
        Assert.Equal(3, StoredFiles().Count);
    }

    private List<string> StoredFiles() =>
        Directory.Exists(portal.FilesRoot) ? [.. Directory.GetFiles(portal.FilesRoot, "*", SearchOption.AllDirectories).Order()] : [];

    private static async Task<string> UploadAsync(HttpClient client, TenantInfo commune, int id, int revision, string fileName, byte[] content)
    {
        var page = await Html.GetDocumentAsync(client, $"/{commune.Slug}/tai-lieu/{id}?ban={revision}");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(((IHtmlInputElement)page.QuerySelector("input[name=__qms_af]")!).Value), "__qms_af");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "upload", fileName);
        var response = await client.PostAsync($"/{commune.Slug}/tai-lieu/{id}?handler=Upload&revision={revision}", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await Html.GetDocumentAsync(client, response.Headers.Location!.ToString());
        return after.QuerySelector(".alert")?.TextContent ?? "";
    }
}
