using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Features.Documents;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Features.Documents;
using QmsPortal.Web.Features.Tthc;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Isolation;

/// <summary>Naming a reviewer or a procedure code never reaches into another commune: its people and its documents are not there.</summary>
public sealed class ReviewAndProcedureCodeIsolationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_member_of_another_commune_cannot_be_named_reviewer_nor_is_offered()
    {
        var a = await portal.CreateCommuneAsync();
        var b = await portal.CreateCommuneAsync();
        var secretary = await portal.CreateUserAsync(memberships: [(a, CommuneRole.QualitySecretary)]);
        var outsider = await portal.CreateUserAsync(memberships: [(b, CommuneRole.Approver)], fullName: "Đỗ Văn Ngoài");
        var id = await DocumentSeed.CreateAsync(portal, a, "QT-70", RevisionStatus.Draft, secretary);
        var client = await portal.SignedInAsync(secretary);
        var url = $"/{a.Slug}/tai-lieu/{id}";

        Assert.DoesNotContain("Đỗ Văn Ngoài", (await Html.GetDocumentAsync(client, url)).QuerySelector("#trinh-duyet")!.TextContent, StringComparison.Ordinal);
        await Html.PostFormAsync(client, url, new() { ["reviewer"] = await DocumentSeed.UserIdAsync(portal, outsider) }, "Submit");

        Assert.Contains("Người xem xét phải là thành viên của xã.", (await Html.GetDocumentAsync(client, url)).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(RevisionStatus.Draft, await DocumentSeed.ReadAsync(portal, a, db => db.Set<DocumentRevision>().Where(r => r.DocumentId == id).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_posting_cannot_link_to_another_communes_document_and_the_code_lookup_stays_home()
    {
        var a = await portal.CreateCommuneAsync(provinceCode: "51");
        var b = await portal.CreateCommuneAsync(provinceCode: "51");
        var code = TthcBuilder.NextCode();
        await portal.ImportAsync("51", TthcBuilder.Procedure(code));
        await portal.PostAsync(a, true, code);
        var secretaryA = await portal.CreateUserAsync(memberships: [(a, CommuneRole.QualitySecretary)]);
        await DocumentSeed.CreateAsync(portal, b, "QT-71/XA-B", RevisionStatus.Draft, await portal.CreateUserAsync(memberships: [(b, CommuneRole.QualitySecretary)]));
        var client = await portal.SignedInAsync(secretaryA);

        var response = await Html.PostFormAsync(client, $"/{a.Slug}/thu-tuc/quan-ly/{code}", new() { ["Input.WorkProcedureCode"] = "QT-71/XA-B" }, "Save");

        Assert.Contains("không có trong thư viện tài liệu của xã", Html.FieldError(await Html.ParseAsync(response), "Input.WorkProcedureCode") ?? "", StringComparison.Ordinal);
        Assert.Equal("QT-05/CX-HT", await portal.InScopeAsync(async sp => (await sp.GetRequiredService<Postings>().FindAsync(code))!.WorkProcedureCode, a));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{a.Slug}/tai-lieu/theo-ma?ma=QT-71%2FXA-B")).StatusCode);
    }
}
