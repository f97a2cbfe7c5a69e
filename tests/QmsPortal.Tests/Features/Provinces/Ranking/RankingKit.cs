using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Recipes;

namespace QmsPortal.Tests.Features.Provinces.Ranking;

/// <summary>Scoring schemes applied as an operator applies them: a recipe file of province-scoring steps run by the recipe runner.</summary>
internal static class RankingKit
{
    public static string WriteRecipe(params JsonObject[] steps)
    {
        var folder = Path.Combine(Path.GetTempPath(), "qms-recipes-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "tieu-chi-tinh.recipe.json");
        var recipe = new JsonObject
        {
            ["name"] = "tieu-chi-tinh", ["version"] = "1.0.0", ["description"] = "Bộ tiêu chí chấm điểm thử", ["scope"] = "platform",
            ["steps"] = new JsonArray(steps.Select(s => (JsonNode)s.DeepClone()).ToArray()),
        };
        File.WriteAllText(path, recipe.ToJsonString());
        return path;
    }

    public static Task ApplyRecipeAsync(this PortalFactory portal, string path) => portal.InScopeAsync(async sp =>
    {
        var runner = sp.GetRequiredService<RecipeRunner>();
        await runner.ApplyAsync(await runner.LoadAsync(path), null);
    });

    /// <summary>A refusal as the portal answers it: to the "no permission" page, which answers 403. Returns that page's text.</summary>
    public static async Task<string> RefusedAsync(HttpClient client, string url)
    {
        var refused = await client.GetAsync(url);
        Assert.True(refused.StatusCode == HttpStatusCode.Redirect, $"{url} answered {(int)refused.StatusCode}, not a refusal");
        Assert.Equal("/tai-khoan/khong-co-quyen", refused.Headers.Location!.AbsolutePath);
        var page = await client.GetAsync(refused.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        return await page.Content.ReadAsStringAsync();
    }

    public static Task ApplySchemeAsync(this PortalFactory portal, JsonObject step) => portal.ApplyRecipeAsync(WriteRecipe(step));
}
