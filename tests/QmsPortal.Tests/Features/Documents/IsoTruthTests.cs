using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Documents;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Documents;

/// <summary>
/// A commune's ISO status counts only what its own people approved and issued: the starter recipe's templates are listed
/// as templates, and the public page, the staff status page and the library say the same thing.
/// </summary>
public sealed class IsoTruthTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_new_commune_with_only_recipe_templates_has_not_built_its_system_on_any_page()
    {
        var commune = await portal.CreateCommuneAsync(recipes: ["commune-starter"]);
        var secretary = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary)]));

        var publicPage = await Html.GetDocumentAsync(portal.Anonymous(), $"/{commune.Slug}/iso");
        var staffPage = await Html.GetDocumentAsync(secretary, $"/{commune.Slug}/tai-lieu/he-thong-iso");
        foreach (var page in new[] { publicPage, staffPage })
        {
            var build = page.QuerySelector("#bon-buoc li[data-step='1']")!;
            Assert.DoesNotContain("done", build.ClassName ?? "", StringComparison.Ordinal);
            Assert.Contains("Chưa hoàn thành", build.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("Đã hoàn thành", page.QuerySelector("#bon-buoc")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("chính sách chất lượng đang áp dụng mới là bản mẫu từ công thức khởi tạo", build.TextContent, StringComparison.Ordinal);
        }

        Assert.Contains("Bản mẫu — xã chưa phê duyệt và ban hành", publicPage.QuerySelector("#chinh-sach")!.TextContent, StringComparison.Ordinal);

        // The legal basis is the 2014 decision with the Ministry's move to the 2015 standard, and it does not claim the
        // commune applies a system it has not built, nor that the law makes one compulsory for communes.
        var basis = publicPage.QuerySelector("#can-cu-iso")!.TextContent;
        Assert.Contains("công văn 419/BKHCN-TĐC ngày 21/02/2018", basis, StringComparison.Ordinal);
        Assert.Contains("Quyết định 101/QĐ-BKHCN ngày 21/01/2019", basis, StringComparison.Ordinal);
        Assert.DoesNotContain($"UBND {commune.Name} áp dụng", publicPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("bắt buộc", publicPage.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("công văn 419/BKHCN-TĐC", staffPage.Body!.TextContent, StringComparison.Ordinal);
        var library = await Html.GetDocumentAsync(secretary, $"/{commune.Slug}/tai-lieu");
        Assert.Equal(17, library.QuerySelectorAll("#thu-vien tr[data-code] [data-template=true]").Length);
    }

    [Fact]
    public async Task Step_one_is_done_once_the_commune_itself_approves_and_issues_its_policy_objectives_and_a_procedure()
    {
        var commune = await portal.CreateCommuneAsync(recipes: ["commune-starter"]);
        var secretary = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary)]);
        var chair = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Approver)]);
        var ids = await DocumentSeed.ReadAsync(portal, commune, db => db.Set<ControlledDocument>()
            .Where(d => d.Code == "CS-01" || d.Code == "MT-01" || d.Code == "QT-06").ToDictionaryAsync(d => d.Code, d => d.Id));

        // Adopting a template means a new revision, adapted, approved and issued with signatures by the commune's people.
        foreach (var (code, id) in ids)
        {
            await DocumentSeed.ReviseAndIssueAsync(portal, commune, id, $"Nội dung {code} do xã điều chỉnh.", secretary, chair, new DateOnly(2026, 11, 25));
        }

        var client = await portal.SignedInAsync(secretary);
        var publicPage = await Html.GetDocumentAsync(portal.Anonymous(), $"/{commune.Slug}/iso");
        var staffPage = await Html.GetDocumentAsync(client, $"/{commune.Slug}/tai-lieu/he-thong-iso");
        foreach (var page in new[] { publicPage, staffPage })
        {
            var build = page.QuerySelector("#bon-buoc li[data-step='1']")!;
            Assert.Contains("done", build.ClassName ?? "", StringComparison.Ordinal);
            Assert.Contains("1 quy trình đã được xã phê duyệt và ban hành", build.TextContent, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Bản mẫu", publicPage.QuerySelector("#chinh-sach")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Nội dung CS-01 do xã điều chỉnh.", publicPage.QuerySelector("#chinh-sach")!.TextContent, StringComparison.Ordinal);
        Assert.Null(publicPage.QuerySelector("#quy-trinh tr[data-code='QT-06'][data-template=true]"));
        Assert.NotNull(publicPage.QuerySelector("#quy-trinh tr[data-code='QT-07'][data-template=true]"));
        var library = await Html.GetDocumentAsync(client, $"/{commune.Slug}/tai-lieu");
        Assert.Null(library.QuerySelector("tr[data-code='QT-06'] [data-template]"));
        Assert.NotNull(library.QuerySelector("tr[data-code='QT-07'] [data-template]"));
    }

    [Fact]
    public async Task Evidence_typed_before_audit_records_existed_stays_readable_but_no_longer_counts_and_cannot_be_typed_again()
    {
        var commune = await portal.CreateCommuneAsync(recipes: ["commune-starter"]);
        var secretary = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary)]));
        await portal.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            db.Add(new IsoMilestone { Kind = IsoMilestoneKind.InternalAudit, Date = new DateOnly(2026, 3, 10), Reference = "Biên bản đánh giá nội bộ số 02/BB" });
            return db.SaveChangesAsync();
        }, commune);

        var page = await Html.GetDocumentAsync(secretary, $"/{commune.Slug}/tai-lieu/he-thong-iso");
        var typed = page.QuerySelector("#bang-chung tr[data-kind=InternalAudit][data-typed=true]")!;
        Assert.Contains("10/03/2026", typed.TextContent, StringComparison.Ordinal);
        Assert.Contains("Biên bản đánh giá nội bộ số 02/BB", typed.TextContent, StringComparison.Ordinal);
        Assert.Contains("không còn được tính", typed.TextContent, StringComparison.Ordinal);
        Assert.Contains("Chưa có đánh giá nội bộ", page.QuerySelector("#bon-buoc li[data-step='2']")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("select[name='Evidence.Kind']"));
        var typing = await DocumentSeed.PostHandlerAsync(secretary, $"/{commune.Slug}/tai-lieu/he-thong-iso", "Evidence",
            new() { ["Evidence.Kind"] = "ManagementReview", ["Evidence.Date"] = "2026-06-01", ["Evidence.Reference"] = "BB 1" });
        Assert.NotEqual(System.Net.HttpStatusCode.Redirect, typing.StatusCode);
        Assert.Equal(1, await DocumentSeed.ReadAsync(portal, commune, db => db.Set<IsoMilestone>().CountAsync()));
    }
}
