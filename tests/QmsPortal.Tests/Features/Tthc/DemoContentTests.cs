using System.Text.Json;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Features.Tthc;

namespace QmsPortal.Tests.Features.Tthc;

/// <summary>What a newcomer sees after <c>dotnet run</c>: the demo communes, their checked codes, and papers to bring.</summary>
public sealed class DemoContentTests(DemoPortalFactory portal) : IClassFixture<DemoPortalFactory>
{
    [Fact]
    public async Task Demo_communes_carry_the_codes_of_the_official_list()
    {
        using var json = JsonDocument.Parse(await portal.Anonymous().GetStringAsync("/api/tenants"));

        var codes = json.RootElement.EnumerateArray().ToDictionary(c => c.GetProperty("slug").GetString()!, c => c.GetProperty("code").GetString());
        Assert.Equal("18991", codes["tuyen-binh"]);
        Assert.Equal("18775", codes["ky-anh"]);
        Assert.Equal("06895", codes["dam-ha"]);
        Assert.Equal("24241", codes["ea-wer"]);
    }

    [Theory]
    [InlineData("tuyen-binh")]
    [InlineData("ky-anh")]
    [InlineData("dam-ha")]
    [InlineData("ea-wer")]
    public async Task Every_demo_commune_shows_the_papers_to_bring_for_birth_registration_and_marks_what_is_unconfirmed(string slug)
    {
        var client = portal.Anonymous();

        var birth = await Html.GetDocumentAsync(client, $"/{slug}/thu-tuc/1.001193");

        foreach (var part in new[] { "#giay-to", "#phi" })
        {
            Assert.DoesNotContain("chưa xác minh", birth.QuerySelector(part)!.TextContent, StringComparison.Ordinal);
        }

        Assert.Contains("Giấy chứng sinh", birth.QuerySelector("#giay-to")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(birth.QuerySelectorAll("#chi-tiet ol.tthc-steps li"));
        Assert.Contains("Luật Hộ tịch", birth.QuerySelector("#chi-tiet ul.tthc-legal")!.TextContent, StringComparison.Ordinal);

        var disability = await Html.GetDocumentAsync(client, $"/{slug}/thu-tuc/1.001699");
        Assert.Contains(ProcedureFields.UnconfirmedText, disability.QuerySelector("#giay-to")!.TextContent, StringComparison.Ordinal);

        var checklist = await Html.GetDocumentAsync(client, $"/{slug}/thu-tuc/1.001193/in-giay-to");
        Assert.Equal(15, checklist.QuerySelectorAll("ul.checklist > li .tthc-paper").Length);
    }

    [Fact]
    public async Task The_stale_demo_posting_of_certified_copies_shows_the_confirmed_papers_of_the_version_it_accepted()
    {
        var copies = await Html.GetDocumentAsync(portal.Anonymous(), "/tuyen-binh/thu-tuc/2.000815");

        Assert.Contains("Bản chính giấy tờ, văn bản", copies.QuerySelector("#giay-to")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("23/2015/NĐ-CP", copies.QuerySelector("#chi-tiet ul.tthc-legal")!.TextContent, StringComparison.Ordinal);
    }
}
