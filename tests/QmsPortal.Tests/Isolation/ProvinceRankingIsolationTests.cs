using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using QmsPortal.Tests.Features.Audits.Findings;
using QmsPortal.Tests.Features.Provinces.Compliance;
using QmsPortal.Tests.Features.Provinces.Ranking;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Isolation;

/// <summary>
/// Scores are the province's to compare and each commune's own to read: a commune never sees another's name or score,
/// a guessed or swapped slug leads nowhere, and a province's ranking never holds a commune of another province.
/// </summary>
public sealed class ProvinceRankingIsolationTests(ProvinceRankingIsolationTests.Portal portal) : IClassFixture<ProvinceRankingIsolationTests.Portal>
{
    /// <summary>Two communes of Quảng Trị (B with an internal audit, so it ranks first), one of Hà Tĩnh, a scheme for each province.</summary>
    public sealed class Portal : PortalFactory
    {
        private readonly Lazy<Task<(AuditOffice A, AuditOffice B, AuditOffice Elsewhere)>> _setup;

        public Portal() => _setup = new(async () =>
        {
            var a = await this.OfficeAsync("44");
            var b = await this.OfficeAsync("44");
            await this.MilestoneAsync(b.Commune, IsoMilestoneKind.InternalAudit, this.Today().AddMonths(-1), "danh-gia/cuoc-danh-gia/1");
            var elsewhere = await this.OfficeAsync("42");
            await this.ApplySchemeAsync(Rows.Step("44", 2026, 1, Rows.AllCriteria()));
            await this.ApplySchemeAsync(Rows.Step("42", 2026, 1, Rows.AllCriteria()));
            return (a, b, elsewhere);
        });

        internal Task<(AuditOffice A, AuditOffice B, AuditOffice Elsewhere)> Ready => _setup.Value;
    }

    /// <summary>A commune's name as a whole name ("Xã Thử Nghiệm 1" is not found inside "Xã Thử Nghiệm 12").</summary>
    private static bool Names(string text, TenantInfo commune) => Regex.IsMatch(text, Regex.Escape(commune.Name) + @"(?!\d)");

    [Fact]
    public async Task A_member_reads_only_the_own_score_and_never_another_communes_name_or_score()
    {
        var (a, b, elsewhere) = await portal.Ready;
        var member = await portal.SignedInAsync(a.Secretary);

        var own = await member.GetAsync($"/{a.Slug}/xep-hang");
        var html = await own.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.True(Names(html, a.Commune));
        Assert.False(Names(html, b.Commune), "A's score page names commune B");
        Assert.False(Names(html, elsewhere.Commune));
        Assert.DoesNotContain($"/{b.Slug}", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-rank", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"hang\"", html, StringComparison.Ordinal);

        foreach (var url in new[] { $"/{b.Slug}/xep-hang", $"/{b.Slug}/xep-hang?ngay={QmsPortal.Web.Text.VietnameseFormat.Date(portal.Today())}", $"/{elsewhere.Slug}/xep-hang" })
        {
            var body = await RankingKit.RefusedAsync(member, url);
            Assert.False(Names(body, b.Commune), $"{url} names commune B");
        }
    }

    [Fact]
    public async Task A_member_gets_none_of_the_provinces_ranking_pages_or_files()
    {
        var (a, b, _) = await portal.Ready;
        var member = await portal.SignedInAsync(a.Staff);

        foreach (var url in new[] { "/tinh/44/xep-hang", $"/tinh/44/xep-hang/{b.Slug}", $"/tinh/44/xep-hang/{a.Slug}", "/tinh/44/xep-hang.csv", "/tinh/44/xep-hang.xlsx" })
        {
            await RankingKit.RefusedAsync(member, url);
        }
    }

    [Fact]
    public async Task A_province_ranking_and_its_files_hold_only_the_provinces_communes_and_a_swapped_slug_is_not_found()
    {
        var (a, b, elsewhere) = await portal.Ready;
        var auditor = await portal.SignedInAsync(a.ProvinceAuditor);

        var page = await Html.GetDocumentAsync(auditor, "/tinh/44/xep-hang");
        var csv = Encoding.UTF8.GetString(await auditor.GetByteArrayAsync("/tinh/44/xep-hang.csv"));

        Assert.Equal([b.Slug, a.Slug], page.QuerySelectorAll("#xep-hang tbody tr").Select(r => r.GetAttribute("data-slug")));
        Assert.False(Names(page.Body!.InnerHtml, elsewhere.Commune));
        Assert.False(Names(csv, elsewhere.Commune));
        Assert.DoesNotContain(elsewhere.Commune.Code, csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync($"/tinh/44/xep-hang/{elsewhere.Slug}")).StatusCode);
        await RankingKit.RefusedAsync(auditor, $"/tinh/42/xep-hang/{elsewhere.Slug}");
        await RankingKit.RefusedAsync(auditor, $"/{elsewhere.Slug}/xep-hang");
    }
}
