using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Recipes;
using QmsPortal.Web.Search;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Search.Synonyms;

/// <summary>End to end: a table applied through the recipe runner changes what a commune's search finds, by province.</summary>
public sealed class SynonymSearchTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string MaritalStatus = "Cấp Giấy xác nhận tình trạng hôn nhân";

    private async Task<(TenantInfo Commune, string Code)> CommuneWithProceduresAsync(string province)
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: province);
        var marital = TthcBuilder.NextCode();
        var birth = TthcBuilder.NextCode();
        var residence = TthcBuilder.NextCode();
        await portal.ImportAsync(province,
            TthcBuilder.Procedure(marital, MaritalStatus),
            TthcBuilder.Procedure(birth, "Đăng ký khai sinh"),
            TthcBuilder.Procedure(residence, "Đăng ký thường trú", "Cư trú"));
        await portal.PostAsync(commune, true, marital, birth, residence);
        return (commune, marital);
    }

    private async Task<SearchResults> SearchAsync(TenantInfo commune, string text)
    {
        await portal.Services.GetRequiredService<SearchIndexer>().CatchUpAsync();
        return portal.Services.GetRequiredService<ISearchIndex>().Search(new SearchRequest(text, SearchScope.PublicOf(commune.Id)));
    }

    [Fact]
    public async Task The_national_table_applied_at_start_up_finds_the_marital_status_procedure_for_giay_doc_than()
    {
        var (commune, code) = await CommuneWithProceduresAsync("42");

        var results = await SearchAsync(commune, "giấy độc thân");

        Assert.NotEmpty(results.Hits);
        Assert.Equal((code, MaritalStatus), (results.Hits[0].Code, results.Hits[0].Title));
    }

    [Fact]
    public async Task A_province_row_applied_by_recipe_works_for_that_province_communes_only()
    {
        var (inProvince, code) = await CommuneWithProceduresAsync("42");
        var (elsewhere, otherCode) = await CommuneWithProceduresAsync("44");
        var folder = Path.Combine(Path.GetTempPath(), "qms-recipes-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "tu-ha-tinh.recipe.json");
        await File.WriteAllTextAsync(path, """
            { "name": "tu-ha-tinh", "version": "1.0.0", "description": "Từ địa phương của tỉnh Hà Tĩnh", "scope": "platform",
              "steps": [ { "step": "search-synonyms", "province": "42",
                           "entries": [ { "everyday": "còn son", "official": "xác nhận tình trạng hôn nhân" } ] } ] }
            """);
        var before = await SearchAsync(inProvince, "còn son");

        await portal.InScopeAsync(async sp =>
        {
            sp.GetRequiredService<QmsPortal.Web.Data.CurrentActor>().ActAs("test");
            var runner = sp.GetRequiredService<RecipeRunner>();
            await runner.ApplyAsync(await runner.LoadAsync(path), null);
        });
        var inProvinceHits = await SearchAsync(inProvince, "còn son");
        var elsewhereHits = await SearchAsync(elsewhere, "còn son");
        var elsewhereNational = await SearchAsync(elsewhere, "giấy độc thân");

        Assert.DoesNotContain(before.Hits, h => h.Code == code);
        Assert.NotEmpty(inProvinceHits.Hits);
        Assert.Equal(code, inProvinceHits.Hits[0].Code);
        Assert.DoesNotContain(elsewhereHits.Hits, h => h.Code == otherCode);
        // The other province still has the national rows: only the province row is missing there.
        Assert.Equal(otherCode, elsewhereNational.Hits[0].Code);
    }
}
