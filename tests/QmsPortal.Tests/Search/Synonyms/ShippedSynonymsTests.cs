using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Recipes;
using QmsPortal.Web.Search;
using QmsPortal.Web.Search.Synonyms;

namespace QmsPortal.Tests.Search.Synonyms;

/// <summary>The national table shipped in content-recipes/search-synonyms.recipe.json.</summary>
public sealed class ShippedSynonymsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "content-recipes");

    private static JsonArray Entries() =>
        (JsonArray)JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, SearchSynonymsStartup.RecipeName + ".recipe.json")))!["steps"]![0]!["entries"]!;

    [Fact]
    public async Task Every_install_gets_the_national_table_at_start_up_once()
    {
        var entries = Entries();
        var (rows, applied) = await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var rows = await db.Set<SearchSynonym>().AsNoTracking().Where(s => s.ProvinceCode == null).ToListAsync();
            var applied = await db.Set<RecipeApplication>().CountAsync(a => a.TenantId == null && a.Name == SearchSynonymsStartup.RecipeName);
            return (rows, applied);
        });

        Assert.InRange(entries.Count, 40, 80);
        Assert.Equal(1, applied);
        Assert.Equal(
            entries.Select(e => ((string)e!["everyday"]!, (string)e["official"]!)).Order(),
            rows.Select(r => (r.Everyday, r.Official)).Order());
        Assert.Contains(rows, r => (r.Everyday, r.Official) == ("giấy độc thân", "xác nhận tình trạng hôn nhân"));
        Assert.Contains(rows, r => (r.Everyday, r.Official) == ("công chứng", "chứng thực"));
    }

    [Fact]
    public async Task The_shipped_recipe_is_valid()
    {
        var errors = await portal.InScopeAsync(async sp =>
        {
            var runner = sp.GetRequiredService<RecipeRunner>();
            return await runner.ValidateAsync(await runner.LoadAsync(SearchSynonymsStartup.RecipeName), null);
        });

        Assert.Empty(errors);
    }

    [Fact]
    public void Every_official_side_is_words_of_a_starter_catalogue_name_or_carries_a_note_naming_its_procedure()
    {
        var catalogue = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "tthc-starter-catalogue.json")))!["procedures"]!.AsArray()
            .Select(p => SearchSynonyms.FoldedWords((string)p!["name"]!)).ToList();
        Assert.NotEmpty(catalogue);

        var unexplained = Entries()
            .Where(e => string.IsNullOrWhiteSpace((string?)e!["note"]))
            .Select(e => (string)e!["official"]!)
            .Where(official => !catalogue.Any(name => Contains(name, SearchSynonyms.FoldedWords(official))))
            .ToList();

        Assert.Empty(unexplained);
    }

    [Fact]
    public void A_note_is_only_there_for_official_words_no_starter_name_holds()
    {
        var catalogue = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "tthc-starter-catalogue.json")))!["procedures"]!.AsArray()
            .Select(p => SearchSynonyms.FoldedWords((string)p!["name"]!)).ToList();

        var needless = Entries()
            .Where(e => !string.IsNullOrWhiteSpace((string?)e!["note"]))
            .Select(e => (string)e!["official"]!)
            .Where(official => catalogue.Any(name => Contains(name, SearchSynonyms.FoldedWords(official))))
            .ToList();

        Assert.Empty(needless);
    }

    private static bool Contains(string[] words, string[] run)
    {
        for (var i = 0; i + run.Length <= words.Length; i++)
        {
            if (words.AsSpan(i, run.Length).SequenceEqual(run))
            {
                return true;
            }
        }

        return false;
    }
}
