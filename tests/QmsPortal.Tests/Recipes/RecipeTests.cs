using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Recipes;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Recipes;

public sealed class RecipeTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static string RecipeFolder => Path.Combine(AppContext.BaseDirectory, "content-recipes");

    [Fact]
    public async Task Every_commune_recipe_applies_to_a_fresh_commune_and_twice_without_duplicates()
    {
        var communeRecipes = await portal.InScopeAsync(sp => sp.GetRequiredService<RecipeRunner>().CommuneRecipesAsync());
        Assert.Contains("commune-starter", communeRecipes);

        foreach (var name in communeRecipes)
        {
            var commune = await portal.CreateCommuneAsync(recipes: [name]);
            var before = await CountRowsAsync(commune);
            await portal.InScopeAsync(async sp =>
            {
                var runner = sp.GetRequiredService<RecipeRunner>();
                await runner.ApplyAsync(await runner.LoadAsync(name), commune);
            });

            Assert.Equal(before, await CountRowsAsync(commune));
            var applied = await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Set<RecipeApplication>()
                .CountAsync(r => r.TenantId == commune.Id && r.Name == name));
            Assert.Equal(2, applied);
        }
    }

    [Fact]
    public async Task Commune_starter_sets_the_one_stop_desk_office_hours()
    {
        var commune = await portal.CreateCommuneAsync(recipes: ["commune-starter"]);

        var page = await Html.GetDocumentAsync(portal.Anonymous(), "/" + commune.Slug);

        Assert.Contains("Thời gian tiếp nhận hồ sơ", page.Body!.TextContent);
    }

    [Fact]
    public async Task A_bad_recipe_names_the_file_step_and_field_and_applies_nothing()
    {
        var communesBefore = await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Tenants.CountAsync());
        var path = WriteRecipe("bad-communes", """
            {
              "name": "bad-communes", "version": "1.0.0", "description": "Thử lỗi", "scope": "platform",
              "steps": [
                { "step": "communes", "communes": [
                  { "slug": "xa-hop-le-9001", "name": "Xã Hợp Lệ", "code": "90001", "province": "42" },
                  { "slug": "xa-sai-ma", "name": "Xã Sai Mã", "code": "9001", "province": "42" }
                ] },
                { "step": "communes", "communes": [ { "slug": "xa-sai-tinh", "name": "Xã Sai Tỉnh", "code": "90003", "province": "99" } ] }
              ]
            }
            """);

        var error = await Assert.ThrowsAsync<RecipeValidationException>(() => ApplyAsync(path, null));

        var codeError = Assert.Single(error.Errors, e => e.Field == "communes[1].code");
        Assert.Equal(("bad-communes.recipe.json", 1, "communes"), (codeError.File, codeError.Step, codeError.StepName));
        Assert.Contains("Không đúng định dạng", codeError.Message);
        Assert.Equal(communesBefore, await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Tenants.CountAsync()));
    }

    [Fact]
    public async Task A_semantic_error_in_a_later_step_rolls_nothing_in()
    {
        var path = WriteRecipe("bad-province", """
            {
              "name": "bad-province", "version": "1.0.0", "description": "Thử lỗi", "scope": "platform",
              "steps": [
                { "step": "communes", "communes": [ { "slug": "xa-truoc-loi", "name": "Xã Trước Lỗi", "code": "90011", "province": "42" } ] },
                { "step": "communes", "communes": [ { "slug": "xa-sai-tinh", "name": "Xã Sai Tỉnh", "code": "90012", "province": "99" } ] }
              ]
            }
            """);

        var error = await Assert.ThrowsAsync<RecipeValidationException>(() => ApplyAsync(path, null));

        var provinceError = Assert.Single(error.Errors);
        Assert.Equal((2, "communes[0].province"), (provinceError.Step, provinceError.Field));
        Assert.Contains("99", provinceError.Message);
        Assert.False(await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Tenants.AnyAsync(t => t.Slug == "xa-truoc-loi")));
    }

    [Fact]
    public async Task A_commune_whose_slug_another_commune_holds_is_refused_with_a_suggestion_naming_the_province()
    {
        var existing = await portal.CreateCommuneAsync(provinceCode: "44");
        var path = WriteRecipe("same-name", $$"""
            { "name": "same-name", "version": "1.0.0", "description": "Hai xã cùng tên", "scope": "platform",
              "steps": [ { "step": "communes", "communes": [ { "slug": "{{existing.Slug}}", "name": "Xã Tuyên Bình", "code": "90021", "province": "80" } ] } ] }
            """);

        var error = await Assert.ThrowsAsync<RecipeValidationException>(() => ApplyAsync(path, null));

        var slugError = Assert.Single(error.Errors);
        Assert.Equal("communes[0].slug", slugError.Field);
        Assert.Contains($"hãy dùng đường dẫn \"{existing.Slug}-tay-ninh\"", slugError.Message);
    }

    [Fact]
    public async Task A_recipe_with_broken_json_names_the_line()
    {
        var path = WriteRecipe("broken", "{\n  \"name\": \"broken\",\n  \"steps\": [ oops ]\n}");

        var error = await Assert.ThrowsAsync<RecipeValidationException>(() => ApplyAsync(path, null));

        Assert.Contains("dòng 3", Assert.Single(error.Errors).Message);
    }

    [Fact]
    public async Task An_unknown_field_or_step_kind_is_refused()
    {
        var commune = await portal.CreateCommuneAsync();
        var path = WriteRecipe("unknown-field", """
            { "name": "unknown-field", "version": "1.0.0", "description": "x", "scope": "commune",
              "steps": [ { "step": "commune-settings", "officeHour": "7:00" }, { "step": "khong-co" } ] }
            """);

        var error = await Assert.ThrowsAsync<RecipeValidationException>(() => ApplyAsync(path, commune));

        Assert.Contains(error.Errors, e => e.Step == 1 && e.Field == "officeHour" && e.Message.Contains("không được hỗ trợ"));
        Assert.Contains(error.Errors, e => e.Step == 2 && e.Field == "step");
    }

    [Fact]
    public async Task The_demo_recipe_is_refused_outside_demo_mode()
    {
        var error = await Assert.ThrowsAsync<RecipeValidationException>(() => ApplyAsync("demo", null));

        Assert.Contains("chế độ demo", Assert.Single(error.Errors).Message);
        Assert.False(await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Tenants.AnyAsync(t => t.Slug == "tuyen-binh")));
    }

    [Fact]
    public async Task A_commune_recipe_needs_a_commune()
    {
        var error = await Assert.ThrowsAsync<RecipeValidationException>(() => ApplyAsync("commune-starter", null));

        Assert.Equal("scope", Assert.Single(error.Errors).Field);
    }

    [Fact]
    public void Every_recipe_file_declares_the_schema_and_parses()
    {
        foreach (var file in Directory.GetFiles(RecipeFolder, "*.recipe.json"))
        {
            var json = JsonNode.Parse(File.ReadAllText(file))!;
            Assert.Equal("./recipe.schema.json", (string?)json["$schema"]);
            Assert.Equal(Path.GetFileName(file)[..^".recipe.json".Length], (string?)json["name"]);
        }
    }

    [Fact]
    public void A_relative_recipe_path_starts_where_the_command_was_run_and_a_name_in_the_recipe_folder()
    {
        var repository = Path.Combine(Path.GetTempPath(), "kho-ma-nguon");
        var projectFolder = Path.Combine(repository, "src", "QmsPortal.Web", "content-recipes");

        Assert.Equal(Path.Combine(repository, "content-recipes", "commune-starter.recipe.json"),
            RecipeRunner.ResolvePath("content-recipes/commune-starter.recipe.json", projectFolder, repository));
        Assert.Equal(Path.Combine(repository, "rieng.recipe.json"), RecipeRunner.ResolvePath("./src/../rieng.recipe.json", projectFolder, repository));
        Assert.Equal(Path.Combine(Path.GetTempPath(), "khac.recipe.json"),
            RecipeRunner.ResolvePath(Path.Combine(Path.GetTempPath(), "khac.recipe.json"), projectFolder, repository));
        Assert.Equal(Path.Combine(projectFolder, "commune-starter.recipe.json"), RecipeRunner.ResolvePath("commune-starter", projectFolder, repository));
    }

    [Fact]
    public async Task A_recipe_file_is_loaded_relative_to_the_invocation_directory_and_a_missing_one_names_the_absolute_path_tried()
    {
        var invocation = Path.Combine(Path.GetTempPath(), "qms-invocation-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(invocation, "content-recipes"));
        File.Copy(Path.Combine(RecipeFolder, "commune-starter.recipe.json"), Path.Combine(invocation, "content-recipes", "rieng.recipe.json"));

        var (loaded, missing) = await portal.InScopeAsync(async sp =>
        {
            var runner = sp.GetRequiredService<RecipeRunner>();
            var recipe = await runner.LoadAsync("content-recipes/rieng.recipe.json", invocation);
            var error = await Assert.ThrowsAsync<RecipeValidationException>(() => runner.LoadAsync("content-recipes/khong-co.recipe.json", invocation));
            return (recipe, error.Message);
        });

        Assert.Equal("commune-starter", loaded.Name);
        Assert.Contains($"(đã tìm tệp {Path.Combine(invocation, "content-recipes", "khong-co.recipe.json")})", missing, StringComparison.Ordinal);
        Directory.Delete(invocation, recursive: true);
    }

    private Task ApplyAsync(string nameOrPath, TenantInfo? commune) => portal.InScopeAsync(async sp =>
    {
        var runner = sp.GetRequiredService<RecipeRunner>();
        await runner.ApplyAsync(await runner.LoadAsync(nameOrPath), commune);
    });

    private Task<int> CountRowsAsync(TenantInfo commune) => portal.InScopeAsync(async sp =>
    {
        // Every tenant-owned table the model knows, so recipes added by later features are covered too.
        var db = sp.GetRequiredService<QmsDbContext>();
        var total = 0;
        foreach (var type in db.Model.GetEntityTypes().Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType) && t.BaseType is null))
        {
            var set = (IQueryable<ITenantOwned>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(type.ClrType).Invoke(db, null)!;
            total += await set.CountAsync();
        }

        return total + await db.Memberships.CountAsync(m => m.TenantId == commune.Id);
    }, commune);

    private static string WriteRecipe(string name, string json)
    {
        var folder = Path.Combine(Path.GetTempPath(), "qms-recipes-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".recipe.json");
        File.WriteAllText(path, json);
        return path;
    }
}
