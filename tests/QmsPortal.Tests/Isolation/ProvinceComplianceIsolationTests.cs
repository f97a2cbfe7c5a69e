using System.Text;
using QmsPortal.Tests.Features.Audits.Findings;
using QmsPortal.Tests.Features.Provinces.Compliance;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Isolation;

/// <summary>A province's compliance table, page and files, never holds a commune of another province, whatever the query asks.</summary>
public sealed class ProvinceComplianceIsolationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_commune_of_another_province_is_in_neither_the_table_nor_the_files()
    {
        var mine = await portal.OfficeAsync("42");
        var other = await portal.OfficeAsync("44");
        await portal.OverdueActionAsync(other);
        await portal.OverdueActionAsync(mine);
        var auditor = await portal.SignedInAsync(mine.ProvinceAuditor);
        var byName = "?ten=" + Uri.EscapeDataString(other.Commune.Name);

        foreach (var query in new[] { "", byName, "?khac-phuc-qua-han=lon-hon-0", "?sap-xep=khac-phuc-qua-han&chieu=giam" })
        {
            var page = await Html.GetDocumentAsync(auditor, "/tinh/42" + query);
            var slugs = page.QuerySelectorAll("#bang tbody tr").Select(r => r.GetAttribute("data-slug")).ToList();
            Assert.DoesNotContain(other.Slug, slugs);
            Assert.DoesNotContain(page.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").StartsWith($"/{other.Slug}", StringComparison.Ordinal));
            var csv = Encoding.UTF8.GetString(await auditor.GetByteArrayAsync("/tinh/42/tuan-thu.csv" + query));
            Assert.DoesNotContain(other.Commune.Name, csv, StringComparison.Ordinal);
            Assert.DoesNotContain(other.Commune.Code, csv, StringComparison.Ordinal);
        }

        Assert.Contains(mine.Slug, (await Html.GetDocumentAsync(auditor, "/tinh/42")).QuerySelectorAll("#bang tbody tr").Select(r => r.GetAttribute("data-slug")));
        Assert.DoesNotContain(await portal.LoadAsync("42"), r => r.TenantId == other.Commune.Id);
        Assert.DoesNotContain(await portal.LoadAsync("44"), r => r.TenantId == mine.Commune.Id);
    }
}
