using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Features.Documents;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Features.Documents;
using QmsPortal.Web.Features.Tthc;
using QmsPortal.Web.Recipes;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Tthc;

/// <summary>A posting's internal procedure code is a link into the commune's library: it must name a document the commune has.</summary>
public sealed class PostingProcedureCodeTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<(TenantInfo Commune, string Code, HttpClient Secretary, int DocumentId)> SetupAsync()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "52");
        var code = TthcBuilder.NextCode();
        await portal.ImportAsync("52", TthcBuilder.Procedure(code));
        await portal.PostAsync(commune, true, code);
        var email = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary)]);
        var id = await DocumentSeed.CreateAsync(portal, commune, "QT-06/CX-HT", RevisionStatus.Draft, email);
        return (commune, code, await portal.SignedInAsync(email), id);
    }

    private Task<string?> SavedCodeAsync(TenantInfo commune, string code) =>
        portal.InScopeAsync(async sp => (await sp.GetRequiredService<Postings>().FindAsync(code))!.WorkProcedureCode, commune);

    [Fact]
    public async Task A_code_the_library_does_not_have_is_refused_next_to_its_field_and_nothing_is_saved()
    {
        var (commune, code, secretary, _) = await SetupAsync();
        var url = $"/{commune.Slug}/thu-tuc/quan-ly/{code}";

        var response = await Html.PostFormAsync(secretary, url, new() { ["Input.WorkProcedureCode"] = "QT-01/TB-HT", ["Input.Room"] = "Quầy số 9" }, "Save");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Mã quy trình nội bộ \"QT-01/TB-HT\" không có trong thư viện tài liệu của xã. Hãy nhập đúng mã một tài liệu đã có (ví dụ QT-06), hoặc để trống.",
            Html.FieldError(await Html.ParseAsync(response), "Input.WorkProcedureCode"));
        Assert.Equal("QT-05/CX-HT", await SavedCodeAsync(commune, code));
        Assert.Null(await portal.InScopeAsync(async sp => (await sp.GetRequiredService<Postings>().FindAsync(code))!.Room, commune));
    }

    [Fact]
    public async Task An_existing_code_is_saved_as_the_library_writes_it_and_the_link_opens_that_document()
    {
        var (commune, code, secretary, id) = await SetupAsync();
        var url = $"/{commune.Slug}/thu-tuc/quan-ly/{code}";
        var stale = await Html.GetDocumentAsync(secretary, url);
        Assert.Null(stale.QuerySelector("#mo-quy-trinh"));
        Assert.Contains("QT-05/CX-HT không còn trong thư viện", stale.QuerySelector("#quy-trinh-khong-ton-tai")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await Html.PostFormAsync(secretary, url, new() { ["Input.WorkProcedureCode"] = "qt-06/cx-ht" }, "Save")).StatusCode);

        Assert.Equal("QT-06/CX-HT", await SavedCodeAsync(commune, code));
        var link = (await Html.GetDocumentAsync(secretary, url)).QuerySelector("#mo-quy-trinh")!;
        Assert.Equal($"/{commune.Slug}/tai-lieu/theo-ma?ma=QT-06%2FCX-HT", link.GetAttribute("href"));
        Assert.Contains("Quy trình QT-06/CX-HT", link.TextContent, StringComparison.Ordinal);
        var opened = await secretary.GetAsync(link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal($"/{commune.Slug}/tai-lieu/{id}", opened.Headers.Location!.ToString());

        Assert.Equal(HttpStatusCode.Redirect, (await Html.PostFormAsync(secretary, url, new() { ["Input.WorkProcedureCode"] = "" }, "Save")).StatusCode);
        Assert.Null(await SavedCodeAsync(commune, code));
    }

    [Fact]
    public async Task A_recipe_naming_a_missing_procedure_is_refused_with_the_field_and_writes_nothing()
    {
        var (commune, code, _, _) = await SetupAsync();

        var error = await Assert.ThrowsAsync<RecipeValidationException>(() => portal.InScopeAsync(async sp =>
        {
            var runner = sp.GetRequiredService<RecipeRunner>();
            await runner.ApplyAsync(RecipeFile.Parse("sai-ma.recipe.json", $$"""
                { "name": "sai-ma", "version": "1.0.0", "description": "x", "scope": "commune", "steps": [
                  { "step": "tthc-postings", "adopt": ["{{code}}"], "postings": [ { "code": "{{code}}", "room": "Quầy mới", "workProcedureCode": "QT-99" } ] } ] }
                """), commune);
        }));

        var e = Assert.Single(error.Errors);
        Assert.Equal(($"postings[{code}].workProcedureCode", "tthc-postings"), (e.Field, e.StepName));
        Assert.Contains("\"QT-99\" không có trong thư viện tài liệu", e.Message, StringComparison.Ordinal);
        Assert.Equal("QT-05/CX-HT", await SavedCodeAsync(commune, code));
        Assert.Equal(0, await portal.InScopeAsync(sp => sp.GetRequiredService<QmsPortal.Web.Data.QmsDbContext>().Set<TthcPosting>().CountAsync(p => p.Room == "Quầy mới"), commune));
    }
}
