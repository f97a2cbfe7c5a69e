using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Tthc;
using QmsPortal.Web.Recipes;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Tthc;

/// <summary>The portal with demo mode on, so the demo recipe (known passwords) may be applied.</summary>
public sealed class DemoPortal : PortalFactory
{
    protected override void ConfigureTestServices(IServiceCollection services) => services.Configure<DemoOptions>(o => o.Enabled = true);
}

public sealed class RecipeTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    [Fact]
    public async Task Demo_gives_tuyen_binh_eleven_postings_one_of_them_stale_after_a_new_decision()
    {
        await ApplyAsync("demo");
        var tuyenBinh = (await portal.InScopeAsync(sp => sp.GetRequiredService<TenantDirectory>().FindBySlugAsync("tuyen-binh")))!;

        var states = await portal.InScopeAsync(sp => sp.GetRequiredService<PostingCompleteness>().StatesAsync(), tuyenBinh);

        Assert.Equal(11, states.Count(s => s.Status == PostingStatus.Posted));
        var stale = Assert.Single(states, s => s.IsStale);
        Assert.Equal("2.000815", stale.Code);
        Assert.Equal(new DateOnly(2026, 12, 15), stale.DueDate);
        Assert.Contains(states, s => s.MissingWorkProcedure && s.Code == "1.004873");
        Assert.DoesNotContain(states, s => s.Code == "1.004222" && s.MissingWorkProcedure);

        // Applying the same catalogue twice adds nothing the second time: idempotent by TTHC code.
        const string again = """
            { "name": "catalogue-again", "version": "1.0.0", "description": "x", "scope": "platform", "steps": [
              { "step": "tthc-catalogue", "province": "33", "file": "tthc-starter-catalogue.json" } ] }
            """;
        await ApplyAsync("catalogue-again", again);
        var before = await CountVersionsAsync();
        Assert.Equal(11, await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Set<CatalogueProcedure>().CountAsync(p => p.ProvinceCode == "33")));
        await ApplyAsync("catalogue-again", again);
        Assert.Equal(before, await CountVersionsAsync());
    }

    [Fact]
    public async Task Catalogue_step_reports_each_bad_record_and_writes_nothing()
    {
        var errors = await portal.InScopeAsync(async sp =>
        {
            var runner = sp.GetRequiredService<RecipeRunner>();
            var recipe = RecipeFile.Parse("bad.recipe.json", """
                { "name": "bad", "version": "1.0.0", "description": "x", "scope": "platform", "steps": [
                  { "step": "tthc-catalogue", "province": "31", "procedures": [
                    { "code": "1.001193", "name": "Đúng", "field": "Hộ tịch" },
                    { "code": "ABC", "name": "Sai mã", "field": "Hộ tịch", "channels": [ { "kind": "fax" } ] } ] } ] }
                """);
            return await runner.ValidateAsync(recipe, null);
        });

        Assert.Contains(errors, e => e.Field == "procedures[1].code");
        Assert.Contains(errors, e => e.Field == "procedures[1].channels[0].kind" && e.Message.Contains("truc-tiep", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Field.StartsWith("procedures[0]", StringComparison.Ordinal));
        Assert.Equal(0, await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Set<CatalogueProcedure>().CountAsync(p => p.ProvinceCode == "31")));
    }

    private Task<int> CountVersionsAsync() =>
        portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Set<CatalogueVersion>().CountAsync());

    private Task ApplyAsync(string name, string? json = null) =>
        portal.InScopeAsync(async sp =>
        {
            var runner = sp.GetRequiredService<RecipeRunner>();
            var recipe = json is null ? await runner.LoadAsync(name) : RecipeFile.Parse(name + ".recipe.json", json);
            await runner.ApplyAsync(recipe, null);
        });
}
