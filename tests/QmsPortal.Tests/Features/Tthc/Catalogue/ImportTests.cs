using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Tthc;
using QmsPortal.Web.Features.Tthc.Catalogue;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Tthc.Catalogue;

public sealed class ImportTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string BadFile = """
        {
          "format": "qms-tthc-catalogue/1",
          "province": "48",
          "procedures": [
            { "code": "1.000001", "name": "Thủ tục đúng", "field": "Hộ tịch", "handlingBody": "UBND xã" },
            { "code": "1.23", "name": "", "field": "Hộ tịch",
              "cases": [ { "name": "Thông thường", "papers": [ { "name": "Tờ khai", "originals": -1, "copies": 0 } ] } ] },
            { "code": "1.000003", "name": "Sai kiểu", "field": "Hộ tịch", "cases": "không phải danh sách" },
            { "code": "1.000004", "name": "Thừa trường", "field": "Hộ tịch", "phiKhac": 1 }
          ]
        }
        """;

    [Fact]
    public void Parsing_reports_every_error_with_record_and_field_in_Vietnamese()
    {
        var (_, _, errors) = CatalogueImport.ParseFile(BadFile);

        Assert.Contains(errors, e => e is { Record: 2, Field: "code" } && e.Message.Contains("1.001193", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Record: 2, Field: "name" } && e.Message == "Tên thủ tục không được để trống.");
        Assert.Contains(errors, e => e is { Record: 2, Field: "cases[0].papers[0].originals" } && e.Message == "Số bản chính không được âm.");
        Assert.Contains(errors, e => e is { Record: 3, Field: "cases" });
        Assert.Contains(errors, e => e is { Record: 4 } && e.Message.Contains("không có trong định dạng", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Record == 1);
        Assert.StartsWith("Bản ghi 2 (1.23), trường \"code\"", errors.First(e => e.Record == 2).ToString());
    }

    [Fact]
    public void Malformed_json_names_the_line()
    {
        var (_, _, errors) = CatalogueImport.ParseFile("{\n \"format\": \"qms-tthc-catalogue/1\",\n \"procedures\": [ { ] }");

        var error = Assert.Single(errors);
        Assert.Contains("dòng 3", error.Message);
    }

    [Fact]
    public async Task Upload_with_errors_writes_nothing_and_a_valid_upload_creates_versions()
    {
        var admin = await portal.CreateUserAsync(platformRole: PlatformRoles.PlatformAdmin);
        var client = await portal.SignedInAsync(admin);

        var response = await UploadAsync(client, "Import", "danh-muc.json", Encoding.UTF8.GetBytes(BadFile), "application/json");
        var page = await Html.ParseAsync(response);
        var errors = page.QuerySelectorAll(".tthc-import-errors li").Select(l => l.TextContent).ToList();
        Assert.Contains(errors, e => e.StartsWith("Bản ghi 2 (1.23), trường \"cases[0].papers[0].originals\": Số bản chính không được âm.", StringComparison.Ordinal));
        Assert.Equal(0, await CountAsync("48"));

        var good = BadFile.Replace("1.23\", \"name\": \"\"", "1.000002\", \"name\": \"Thủ tục hai\"", StringComparison.Ordinal)
            .Replace("-1", "1", StringComparison.Ordinal)
            .Replace("\"cases\": \"không phải danh sách\"", "\"cases\": []", StringComparison.Ordinal)
            .Replace(", \"phiKhac\": 1", "", StringComparison.Ordinal);
        var ok = await UploadAsync(client, "Import", "danh-muc.json", Encoding.UTF8.GetBytes(good), "application/json");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(4, await CountAsync("48"));

        await UploadAsync(client, "Import", "danh-muc.json", Encoding.UTF8.GetBytes(good), "application/json");
        Assert.Equal(4, await CountAsync("48"));
    }

    [Fact]
    public async Task Form_upload_checks_content_not_just_the_extension()
    {
        var admin = await portal.CreateUserAsync(platformRole: PlatformRoles.PlatformAdmin);
        var client = await portal.SignedInAsync(admin);

        var fake = await Html.ParseAsync(await UploadAsync(client, "Form", "to-khai.pdf", "MZ không phải PDF"u8.ToArray(), "application/pdf"));
        Assert.Contains("Tệp không phải PDF hợp lệ", fake.QuerySelector(".tthc-import-errors")!.TextContent);

        var exe = await Html.ParseAsync(await UploadAsync(client, "Form", "to-khai.exe", "MZ"u8.ToArray(), "application/octet-stream"));
        Assert.Contains("Chỉ nhận mẫu dạng PDF", exe.QuerySelector(".tthc-import-errors")!.TextContent);

        var big = new byte[TthcFormFile.MaxBytes + 1];
        "%PDF-"u8.CopyTo(big);
        var tooBig = await Html.ParseAsync(await UploadAsync(client, "Form", "to-khai.pdf", big, "application/pdf"));
        Assert.Contains("lớn quá 5 MB", tooBig.QuerySelector(".tthc-import-errors")!.TextContent);

        var pdf = await Html.ParseAsync(await UploadAsync(client, "Form", "to-khai.pdf", TestFiles.Pdf(), "application/pdf"));
        Assert.Matches("^[0-9a-f]{64}$", pdf.QuerySelector(".tthc-sha")!.TextContent);
    }

    [Fact]
    public async Task Province_auditor_cannot_manage_another_province_catalogue()
    {
        var auditor = await portal.CreateUserAsync(platformRole: PlatformRoles.ProvinceAuditor, supervisedProvince: "42");
        var client = await portal.SignedInAsync(auditor);

        var own = await client.GetAsync("/quan-tri/danh-muc-tthc");
        var other = await client.GetAsync("/quan-tri/danh-muc-tthc?province=48");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, other.StatusCode);
    }

    private Task<int> CountAsync(string province) =>
        portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Set<CatalogueProcedure>().CountAsync(p => p.ProvinceCode == province));

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string handler, string fileName, byte[] bytes, string contentType)
    {
        var page = await Html.GetDocumentAsync(client, "/quan-tri/danh-muc-tthc?province=48");
        var form = page.QuerySelectorAll("form[method=post]").First(f => (f.GetAttribute("action") ?? "").Contains("handler=" + handler, StringComparison.Ordinal));
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(form.QuerySelector("input[name=__qms_af]")!.GetAttribute("value")!), "__qms_af");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(file, "file", fileName);
        return await client.PostAsync(form.GetAttribute("action"), content);
    }
}
