using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Features.Documents;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Documents;
using QmsPortal.Web.Features.Tthc;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Isolation;

/// <summary>
/// Search never crosses a wall: commune A's searches never return commune B's items, whatever the query (crafted index
/// syntax included); internal, member-only and draft items never reach someone whose roles do not open them; a province
/// search never returns a commune of another province.
/// </summary>
public sealed class SearchIsolationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private sealed record Setup(TenantInfo A, TenantInfo B, TenantInfo Elsewhere, string CodeA, string CodeB, string CodeElsewhere,
        string UserA, string SecretaryB, string StaffB, string Auditor42);

    private const string InternalCode = "HD-91";
    private const string DraftCode = "QT-92";
    private const string FeedbackText = "Cán bộ tiếp dân có thái độ cáu gắt với người già";

    private async Task<Setup> SetUpAsync()
    {
        var a = await portal.CreateCommuneAsync(provinceCode: "42");
        var b = await portal.CreateCommuneAsync(provinceCode: "42");
        var elsewhere = await portal.CreateCommuneAsync(provinceCode: "44");
        var codeA = TthcBuilder.NextCode();
        var codeB = TthcBuilder.NextCode();
        var codeElsewhere = TthcBuilder.NextCode();
        await portal.ImportAsync("42", TthcBuilder.Procedure(codeA, "Đăng ký khai sinh"), TthcBuilder.Procedure(codeB, "Cấp phép khai thác cát sỏi lòng sông"));
        await portal.ImportAsync("44", TthcBuilder.Procedure(codeElsewhere, "Cấp phép khai thác cát sỏi lòng sông"));
        await portal.PostAsync(a, true, codeA);
        await portal.PostAsync(b, true, codeB);
        await portal.PostAsync(elsewhere, true, codeElsewhere);

        var userA = await portal.CreateUserAsync(memberships: [(a, CommuneRole.QualitySecretary), (a, CommuneRole.Approver), (a, CommuneRole.CommuneAdmin)]);
        var secretaryB = await portal.CreateUserAsync(memberships: [(b, CommuneRole.QualitySecretary)]);
        var approverB = await portal.CreateUserAsync(memberships: [(b, CommuneRole.Approver)]);
        var staffB = await portal.CreateUserAsync(memberships: [(b, CommuneRole.Staff)]);
        var auditor42 = await portal.CreateUserAsync(platformRole: PlatformRoles.ProvinceAuditor, supervisedProvince: "42");
        await DocumentSeed.CreateAsync(portal, b, InternalCode, RevisionStatus.Issued, secretaryB, approverB,
            body: "Sổ tay kho lưu trữ cát sỏi, chỉ dùng nội bộ.", isPublic: false, kind: DocumentKind.WorkInstruction);
        await DocumentSeed.CreateAsync(portal, b, DraftCode, RevisionStatus.Draft, secretaryB,
            body: "Dự thảo quy trình thẩm định cát sỏi, chưa ban hành.", isPublic: true, tthc: codeB);
        await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            db.Add(new TthcFeedback { Reference = "PA-2026-000091", Code = codeB, Message = FeedbackText });
            await db.SaveChangesAsync();
        }, b);
        await portal.CatchUpSearchAsync();
        return new Setup(a, b, elsewhere, codeA, codeB, codeElsewhere, userA, secretaryB, staffB, auditor42);
    }

    /// <summary>Queries a person might type or an attacker might craft to reach another commune's entries in the index.</summary>
    private static string[] CraftedQueries(Setup s) =>
    [
        "cát sỏi", "cat soi long song", "khai thác", s.CodeB, InternalCode, DraftCode, "thái độ cáu gắt", "PA-2026-000091", "sổ tay kho lưu trữ",
        "thẩm định", "*", "*:*", "tenant:*", $"tenant:{s.B.Id}", $"tenantId:{s.B.Id}", $"TenantId:{s.B.Id} OR cát", $"commune:{s.B.Slug}",
        $"commune:B", "commune:*", $"province:42", "province:* AND cát", "kind:tai-lieu", "kind:phan-anh", "audience:members", "audience:*",
        "audience:Drafters OR audience:Members", "variant:nhap", "-tenant:0", $"+tenant:{s.B.Id} +cát", "title:cát", "body:*", "code:HD*", "cát~", "c*t s*i",
        "\"cát sỏi\"~5", "(cát OR sỏi) AND NOT khai", "*:* OR tenant:*", s.B.Slug, s.B.Name, "{* TO *}", "[0 TO 999999]",
    ];

    private static async Task<List<JsonElement>> ApiAsync(HttpClient client, string slug, string query) =>
        (await SearchSupport.ApiAsync(client, SearchSupport.ApiUrl(slug, query))).Results;

    [Fact]
    public async Task Commune_As_page_and_api_never_return_commune_Bs_items_whatever_the_query()
    {
        var s = await SetUpAsync();
        // The index holds B's items: B's own people find them, so their absence from A below means the wall held.
        var secretaryB = await portal.SignedInAsync(s.SecretaryB);
        Assert.Contains(await ApiAsync(secretaryB, s.B.Slug, "cát sỏi"), r => r.GetProperty("code").GetString() == s.CodeB);
        Assert.Contains(await ApiAsync(secretaryB, s.B.Slug, "cát sỏi"), r => r.GetProperty("code").GetString() == InternalCode);
        Assert.Contains(await ApiAsync(secretaryB, s.B.Slug, "thẩm định"), r => r.GetProperty("code").GetString() == DraftCode);

        foreach (var client in new[] { portal.Anonymous(), await portal.SignedInAsync(s.UserA) })
        {
            foreach (var query in CraftedQueries(s))
            {
                var results = await ApiAsync(client, s.A.Slug, query);
                Assert.All(results, r => Assert.StartsWith($"/{s.A.Slug}/", r.GetProperty("url").GetString(), StringComparison.Ordinal));
                Assert.DoesNotContain(results, r => r.GetProperty("code").GetString() is { } code && (code == s.CodeB || code == InternalCode || code == DraftCode));

                var page = await Html.GetDocumentAsync(client, SearchSupport.PageUrl(s.A.Slug, query));
                Assert.All(SearchSupport.ResultLinks(page), l => Assert.StartsWith($"/{s.A.Slug}/", l, StringComparison.Ordinal));
                var text = string.Join("\n", page.QuerySelectorAll("main .search-hit").Select(h => h.TextContent));
                Assert.DoesNotContain("cát sỏi", text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("thái độ", text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(InternalCode, text, StringComparison.Ordinal);
                Assert.DoesNotContain(DraftCode, text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task The_procedure_list_of_commune_A_never_lists_commune_Bs_procedure()
    {
        var s = await SetUpAsync();

        foreach (var query in CraftedQueries(s))
        {
            var page = await Html.GetDocumentAsync(portal.Anonymous(), $"/{s.A.Slug}/thu-tuc?q={Uri.EscapeDataString(query)}");
            Assert.DoesNotContain(page.QuerySelectorAll("main a"), a => (a.GetAttribute("href") ?? "").Contains(s.CodeB, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Internal_member_only_and_draft_items_reach_only_those_whose_roles_open_them()
    {
        var s = await SetUpAsync();
        var citizen = portal.Anonymous();
        var staff = await portal.SignedInAsync(s.StaffB);
        var secretary = await portal.SignedInAsync(s.SecretaryB);
        var auditor = await portal.SignedInAsync(s.Auditor42);

        async Task<HashSet<string>> KindsAndCodes(HttpClient client)
        {
            var found = new HashSet<string>();
            foreach (var query in CraftedQueries(s).Append("cáu gắt người già").Append("dự thảo"))
            {
                foreach (var r in await ApiAsync(client, s.B.Slug, query))
                {
                    found.Add($"{r.GetProperty("kind").GetString()}:{r.GetProperty("code").GetString()}");
                }
            }

            return found;
        }

        var ofCitizen = await KindsAndCodes(citizen);
        var ofStaff = await KindsAndCodes(staff);
        var ofSecretary = await KindsAndCodes(secretary);
        var ofAuditor = await KindsAndCodes(auditor);

        // Public: the posted procedure only.
        Assert.Contains($"thu-tuc:{s.CodeB}", ofCitizen);
        Assert.DoesNotContain(ofCitizen, k => k.EndsWith(":" + InternalCode, StringComparison.Ordinal) || k.EndsWith(":" + DraftCode, StringComparison.Ordinal) || k.StartsWith("phan-anh:", StringComparison.Ordinal));

        // Staff: internal documents and citizens' reports, no drafts.
        Assert.Contains($"tai-lieu:{InternalCode}", ofStaff);
        Assert.Contains(ofStaff, k => k.StartsWith("phan-anh:", StringComparison.Ordinal));
        Assert.DoesNotContain(ofStaff, k => k.EndsWith(":" + DraftCode, StringComparison.Ordinal));

        // The province's auditor reads internal records but is not a member: no reports, no drafts.
        Assert.Contains($"tai-lieu:{InternalCode}", ofAuditor);
        Assert.DoesNotContain(ofAuditor, k => k.StartsWith("phan-anh:", StringComparison.Ordinal) || k.EndsWith(":" + DraftCode, StringComparison.Ordinal));

        // The quality secretary works on drafts.
        Assert.Contains($"tai-lieu:{DraftCode}", ofSecretary);

        // The page shows the same: the citizen's page never names the internal document, the draft or the report.
        foreach (var query in new[] { "cát sỏi", "thẩm định", "thái độ cáu gắt", InternalCode, DraftCode })
        {
            var page = await Html.GetDocumentAsync(citizen, SearchSupport.PageUrl(s.B.Slug, query));
            var text = string.Join("\n", page.QuerySelectorAll("main .search-hit").Select(h => h.TextContent));
            Assert.DoesNotContain(InternalCode, text, StringComparison.Ordinal);
            Assert.DoesNotContain(DraftCode, text, StringComparison.Ordinal);
            Assert.DoesNotContain("thái độ", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("thẩm định", text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_province_search_never_returns_a_commune_of_another_province_nor_member_only_items()
    {
        var s = await SetUpAsync();
        var admin = await portal.CreateUserAsync(platformRole: PlatformRoles.PlatformAdmin);
        var ofAdmin = await Html.GetDocumentAsync(await portal.SignedInAsync(admin), "/tinh/44/tim-kiem?q=c%C3%A1t+s%E1%BB%8Fi");
        Assert.Contains($"/{s.Elsewhere.Slug}/thu-tuc/{s.CodeElsewhere}", SearchSupport.ResultLinks(ofAdmin));
        var auditor = await portal.SignedInAsync(s.Auditor42);
        var found = new List<string>();

        foreach (var query in CraftedQueries(s).Append($"province:44").Append($"tenant:{s.Elsewhere.Id}").Append(s.Elsewhere.Slug).Append(s.CodeElsewhere))
        {
            var page = await Html.GetDocumentAsync(auditor, $"/tinh/42/tim-kiem?q={Uri.EscapeDataString(query)}");
            var links = SearchSupport.ResultLinks(page);
            found.AddRange(links);
            Assert.DoesNotContain(links, l => l.StartsWith($"/{s.Elsewhere.Slug}/", StringComparison.Ordinal));
            var text = string.Join("\n", page.QuerySelectorAll("main .search-hit").Select(h => h.TextContent));
            Assert.DoesNotContain(s.Elsewhere.Name, text, StringComparison.Ordinal);
            Assert.DoesNotContain("thái độ", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(DraftCode, text, StringComparison.Ordinal);
        }

        Assert.Contains($"/{s.B.Slug}/thu-tuc/{s.CodeB}", found);
    }
}
