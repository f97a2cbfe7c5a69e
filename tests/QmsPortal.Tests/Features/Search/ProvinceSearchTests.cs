using System.Net;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Search;

/// <summary>/tinh/{province}/tim-kiem: every commune of one province, for its auditors and platform admins only.</summary>
public sealed class ProvinceSearchTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private sealed record Setup(TenantInfo A, TenantInfo B, TenantInfo Elsewhere, string Code, string ElsewhereCode);

    /// <summary>The same procedure posted by two communes of Hà Tĩnh (42) and one of Quảng Trị (44).</summary>
    private async Task<Setup> SetUpAsync()
    {
        var a = await portal.CreateCommuneAsync(provinceCode: "42");
        var b = await portal.CreateCommuneAsync(provinceCode: "42");
        var elsewhere = await portal.CreateCommuneAsync(provinceCode: "44");
        var code = TthcBuilder.NextCode();
        var elsewhereCode = TthcBuilder.NextCode();
        await portal.ImportAsync("42", TthcBuilder.Procedure(code, "Đăng ký nhận cha mẹ con"));
        await portal.ImportAsync("44", TthcBuilder.Procedure(elsewhereCode, "Đăng ký nhận cha mẹ con"));
        await portal.PostAsync(a, true, code);
        await portal.PostAsync(b, true, code);
        await portal.PostAsync(elsewhere, true, elsewhereCode);
        await portal.CatchUpSearchAsync();
        return new Setup(a, b, elsewhere, code, elsewhereCode);
    }

    [Fact]
    public async Task An_auditor_finds_the_item_in_every_commune_of_their_province_labelled_with_the_commune()
    {
        var s = await SetUpAsync();
        var auditor = await portal.CreateUserAsync(platformRole: PlatformRoles.ProvinceAuditor, supervisedProvince: "42");

        var page = await Html.GetDocumentAsync(await portal.SignedInAsync(auditor), "/tinh/42/tim-kiem?q=nhan+cha+me+con");

        // Other tests of this class post the same procedure in more communes of both provinces: look at this test's three.
        var links = SearchSupport.ResultLinks(page).Where(l => new[] { s.A.Slug, s.B.Slug, s.Elsewhere.Slug }.Any(slug => l.StartsWith($"/{slug}/", StringComparison.Ordinal))).ToList();
        Assert.Equal([$"/{s.A.Slug}/thu-tuc/{s.Code}", $"/{s.B.Slug}/thu-tuc/{s.Code}"], links.Order().ToArray());
        var labels = page.QuerySelectorAll(".search-hit .search-hit-kind").Select(k => k.TextContent).ToList();
        Assert.Contains(labels, l => l.Contains(s.A.Name, StringComparison.Ordinal));
        Assert.Contains(labels, l => l.Contains(s.B.Name, StringComparison.Ordinal));
        Assert.DoesNotContain(labels, l => l.Contains(s.Elsewhere.Name, StringComparison.Ordinal));
        Assert.EndsWith(" kết quả", page.QuerySelector(".search-total")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_platform_admin_searches_any_province()
    {
        var s = await SetUpAsync();
        var admin = await portal.CreateUserAsync(platformRole: PlatformRoles.PlatformAdmin);

        var page = await Html.GetDocumentAsync(await portal.SignedInAsync(admin), "/tinh/44/tim-kiem?q=nhan+cha+me+con");

        var links = SearchSupport.ResultLinks(page);
        Assert.Contains($"/{s.Elsewhere.Slug}/thu-tuc/{s.ElsewhereCode}", links);
        Assert.DoesNotContain(links, l => l.StartsWith($"/{s.A.Slug}/", StringComparison.Ordinal) || l.StartsWith($"/{s.B.Slug}/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_auditor_of_another_province_and_a_commune_member_are_refused_and_a_visitor_is_sent_to_sign_in()
    {
        var s = await SetUpAsync();
        var otherAuditor = await portal.CreateUserAsync(platformRole: PlatformRoles.ProvinceAuditor, supervisedProvince: "44");
        var member = await portal.CreateUserAsync(memberships: [(s.A, CommuneRole.CommuneAdmin), (s.B, CommuneRole.QualitySecretary)]);

        foreach (var client in new[] { await portal.SignedInAsync(otherAuditor), await portal.SignedInAsync(member) })
        {
            var refused = await client.GetAsync("/tinh/42/tim-kiem?q=nhan+cha+me+con");
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Equal("/tai-khoan/khong-co-quyen", refused.Headers.Location!.AbsolutePath);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(refused.Headers.Location)).StatusCode);
        }

        var visitor = await portal.Anonymous().GetAsync("/tinh/42/tim-kiem?q=nhan+cha+me+con");
        Assert.Equal(HttpStatusCode.Redirect, visitor.StatusCode);
        Assert.StartsWith("/tai-khoan/dang-nhap", visitor.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_province_is_not_found()
    {
        var admin = await portal.CreateUserAsync(platformRole: PlatformRoles.PlatformAdmin);

        var response = await (await portal.SignedInAsync(admin)).GetAsync("/tinh/99/tim-kiem?q=khai+sinh");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_auditors_navigation_leads_to_their_provinces_search()
    {
        await SetUpAsync();
        var auditor = await portal.CreateUserAsync(platformRole: PlatformRoles.ProvinceAuditor, supervisedProvince: "42");
        var client = await portal.SignedInAsync(auditor);

        var landing = await Html.GetDocumentAsync(client, "/tai-khoan");
        var link = landing.QuerySelector("nav.staff-nav a[href='/tinh/tim-kiem']");
        Assert.NotNull(link);
        var start = await Html.GetDocumentAsync(client, "/tinh/tim-kiem");

        // Their own province's search form, and no other province offered.
        Assert.Equal("/tinh/42/tim-kiem", start.QuerySelector("main form[role=search]")!.GetAttribute("action"));
        Assert.Single(start.QuerySelectorAll("main form[role=search]"));
        Assert.Empty(start.QuerySelectorAll("main a[href^='/tinh/']"));
        var page = await Html.GetDocumentAsync(client, "/tinh/42/tim-kiem");
        Assert.Equal("get", page.QuerySelector("main form[role=search]")!.GetAttribute("method"));
    }
}
