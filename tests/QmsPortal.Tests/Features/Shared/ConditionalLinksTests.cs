using System.Net;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Tests.Features.Documents;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Features.Documents;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Shared;

/// <summary>A page shows a link or a form only to someone who may use it: no link that ends on "không có quyền".</summary>
public sealed class ConditionalLinksTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private sealed record Commune(TenantInfo Info, int DocumentId, Dictionary<string, string> Users);

    private async Task<Commune> CommuneAsync()
    {
        var commune = await portal.CreateCommuneAsync(recipes: ["commune-starter"]);
        var users = new Dictionary<string, string>
        {
            ["auditor"] = await portal.CreateUserAsync(platformRole: PlatformRoles.ProvinceAuditor, supervisedProvince: commune.ProvinceCode),
            ["staff"] = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Staff)]),
            ["secretary"] = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary)]),
            ["approver"] = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Approver)]),
            ["admin"] = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.CommuneAdmin)]),
        };
        var id = await DocumentSeed.ReadAsync(portal, commune, db => db.Set<ControlledDocument>().Where(d => d.Code == "QT-06").Select(d => d.Id).SingleAsync());
        return new Commune(commune, id, users);
    }

    [Fact]
    public async Task A_province_auditor_reads_the_TTHC_list_without_the_postings_management_link_that_would_refuse_them()
    {
        var commune = await CommuneAsync();
        var list = $"/{commune.Info.Slug}/thu-tuc";

        var auditor = await Html.GetDocumentAsync(await portal.SignedInAsync(commune.Users["auditor"]), list);
        var staff = await Html.GetDocumentAsync(await portal.SignedInAsync(commune.Users["staff"]), list);
        var secretary = await Html.GetDocumentAsync(await portal.SignedInAsync(commune.Users["secretary"]), list);

        Assert.DoesNotContain("Quản lý niêm yết", auditor.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(auditor.QuerySelector($"a[href='/{commune.Info.Slug}/thu-tuc/quan-ly']"));
        Assert.Null(staff.QuerySelector($"a[href='/{commune.Info.Slug}/thu-tuc/quan-ly']"));
        Assert.NotNull(secretary.QuerySelector($"a[href='/{commune.Info.Slug}/thu-tuc/quan-ly']"));
    }

    [Theory]
    [InlineData("auditor")]
    [InlineData("staff")]
    [InlineData("secretary")]
    [InlineData("approver")]
    [InlineData("admin")]
    public async Task Every_link_a_reader_is_shown_on_the_commune_and_library_pages_opens_for_them(string who)
    {
        var commune = await CommuneAsync();
        var client = await portal.SignedInAsync(commune.Users[who]);
        var slug = commune.Info.Slug;
        var pages = new List<string> { $"/{slug}", $"/{slug}/thu-tuc", $"/{slug}/iso", $"/{slug}/tai-lieu", $"/{slug}/tai-lieu/{commune.DocumentId}", $"/{slug}/tai-lieu/he-thong-iso", "/tai-khoan" };
        if (who == "secretary")
        {
            pages.Add($"/{slug}/thu-tuc/quan-ly");
        }

        var links = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            var document = await Html.GetDocumentAsync(client, page);
            foreach (var href in document.QuerySelectorAll("main a[href]").Select(a => a.GetAttribute("href")!))
            {
                if (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal))
                {
                    links.Add(href);
                }
            }
        }

        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            var response = await client.GetAsync(link);
            var location = response.Headers.Location?.ToString() ?? "";
            Assert.True(response.StatusCode == HttpStatusCode.OK || (response.StatusCode == HttpStatusCode.Redirect && !location.Contains("khong-co-quyen", StringComparison.Ordinal)
                && !location.Contains("dang-nhap", StringComparison.Ordinal)), $"{who}: {link} → {(int)response.StatusCode} {location}");
        }
    }

    [Fact]
    public async Task A_province_auditor_is_offered_no_action_on_documents_only_reading()
    {
        var commune = await CommuneAsync();
        var auditor = await portal.SignedInAsync(commune.Users["auditor"]);
        var slug = commune.Info.Slug;

        foreach (var page in new[] { $"/{slug}/tai-lieu", $"/{slug}/tai-lieu/{commune.DocumentId}", $"/{slug}/tai-lieu/he-thong-iso", $"/{slug}/tai-lieu/van-ban-phap-ly" })
        {
            var document = await Html.GetDocumentAsync(auditor, page);
            Assert.Empty(document.QuerySelectorAll("main form[method=post]"));
        }

        var library = await Html.GetDocumentAsync(auditor, $"/{slug}/tai-lieu");
        Assert.Null(library.QuerySelector($"a[href='/{slug}/tai-lieu/can-xac-nhan']"));
        Assert.Null(library.QuerySelector($"a[href='/{slug}/tai-lieu/moi']"));
        Assert.NotNull(library.QuerySelector($"a[href='/{slug}/tai-lieu/he-thong-iso']"));
    }
}
