using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Recipes;
using QmsPortal.Web.Search;

namespace QmsPortal.Tests.Search.Synonyms;

/// <summary>The recipe step search-synonyms: what it writes, per province, and what it refuses.</summary>
public sealed class SearchSynonymsStepTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private Task<List<(int Id, string Everyday, string Official)>> RowsAsync(string? province) => portal.InScopeAsync(async sp =>
        (await sp.GetRequiredService<QmsDbContext>().Set<SearchSynonym>().AsNoTracking()
            .Where(s => s.ProvinceCode == province).OrderBy(s => s.Id).ToListAsync())
        .Select(s => (s.Id, s.Everyday, s.Official)).ToList());

    private Task<int> AllRowsAsync() => portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Set<SearchSynonym>().CountAsync());

    private Task ApplyAsync(string path) => portal.InScopeAsync(async sp =>
    {
        var runner = sp.GetRequiredService<RecipeRunner>();
        await runner.ApplyAsync(await runner.LoadAsync(path), null);
    });

    private static string Write(string name, params string[] steps)
    {
        var folder = Path.Combine(Path.GetTempPath(), "qms-recipes-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".recipe.json");
        File.WriteAllText(path, $$"""
            { "name": "{{name}}", "version": "1.0.0", "description": "Thử bảng từ", "scope": "platform",
              "steps": [ {{string.Join(",", steps)}} ] }
            """);
        return path;
    }

    [Fact]
    public async Task A_province_step_adds_its_rows_cleaned_and_applying_twice_changes_nothing()
    {
        // "công  chứng" typed with decomposed diacritics and stray spaces is stored as written, in NFC, trimmed.
        var decomposed = "  công   chứng ".Normalize(NormalizationForm.FormD);
        var path = Write("tu-48", $$"""
            { "step": "search-synonyms", "province": "48",
              "entries": [ { "everyday": "{{decomposed}}", "official": "chứng thực" },
                           { "everyday": "giấy còn son", "official": "xác nhận tình trạng hôn nhân", "note": "cách nói địa phương" } ] }
            """);

        await ApplyAsync(path);
        var first = await RowsAsync("48");
        await ApplyAsync(path);
        var second = await RowsAsync("48");

        Assert.Equal([("công chứng", "chứng thực"), ("giấy còn son", "xác nhận tình trạng hôn nhân")], first.Select(r => (r.Everyday, r.Official)));
        Assert.True(first[0].Everyday.IsNormalized(NormalizationForm.FormC));
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Adding_a_row_already_there_in_another_case_keeps_one_row()
    {
        await ApplyAsync(Write("tu-51a", """{ "step": "search-synonyms", "province": "51", "entries": [ { "everyday": "sổ đỏ", "official": "giấy chứng nhận quyền sử dụng đất" } ] }"""));
        await ApplyAsync(Write("tu-51b", """{ "step": "search-synonyms", "province": "51", "entries": [ { "everyday": "Sổ Đỏ", "official": "Giấy chứng nhận quyền sử dụng đất" }, { "everyday": "bìa hồng", "official": "giấy chứng nhận quyền sử dụng đất" } ] }"""));

        var rows = await RowsAsync("51");

        Assert.Equal(["Sổ Đỏ", "bìa hồng"], rows.Select(r => r.Everyday));
    }

    [Fact]
    public async Task Replace_makes_that_province_table_exactly_the_list_and_leaves_other_provinces_and_the_national_table()
    {
        await ApplyAsync(Write("tu-ban-dau",
            """{ "step": "search-synonyms", "province": "52", "entries": [ { "everyday": "giấy tờ nhà", "official": "giấy chứng nhận" }, { "everyday": "làm nhà", "official": "xây dựng" } ] }""",
            """{ "step": "search-synonyms", "province": "56", "entries": [ { "everyday": "làm nhà", "official": "xây dựng" } ] }"""));
        var national = await RowsAsync(null);
        var keptId = (await RowsAsync("52")).Single(r => r.Everyday == "làm nhà").Id;

        await ApplyAsync(Write("tu-thay", """
            { "step": "search-synonyms", "province": "52", "replace": true,
              "entries": [ { "everyday": "làm nhà", "official": "xây dựng" }, { "everyday": "xin phép sửa nhà", "official": "giấy phép sửa chữa" } ] }
            """));

        var rows52 = await RowsAsync("52");
        Assert.Equal([("làm nhà", "xây dựng"), ("xin phép sửa nhà", "giấy phép sửa chữa")], rows52.Select(r => (r.Everyday, r.Official)));
        Assert.Equal(keptId, rows52[0].Id);
        Assert.Equal([("làm nhà", "xây dựng")], (await RowsAsync("56")).Select(r => (r.Everyday, r.Official)));
        Assert.Equal(national, await RowsAsync(null));
        Assert.NotEmpty(national);
    }

    [Fact]
    public async Task Replace_with_an_empty_list_empties_only_that_province()
    {
        await ApplyAsync(Write("tu-66", """{ "step": "search-synonyms", "province": "66", "entries": [ { "everyday": "làm nhà", "official": "xây dựng" } ] }"""));
        await ApplyAsync(Write("tu-68", """{ "step": "search-synonyms", "province": "68", "entries": [ { "everyday": "làm nhà", "official": "xây dựng" } ] }"""));

        await ApplyAsync(Write("tu-66-xoa", """{ "step": "search-synonyms", "province": "66", "replace": true, "entries": [] }"""));

        Assert.Empty(await RowsAsync("66"));
        Assert.Single(await RowsAsync("68"));
    }

    public static TheoryData<string, string, string> BadSteps => new()
    {
        { """{ "step": "search-synonyms", "province": "02", "entries": [ { "everyday": "làm nhà", "official": "xây dựng" } ] }""", "province", "Không có tỉnh/thành phố mã \"02\"" },
        { """{ "step": "search-synonyms", "entries": [ { "everyday": "làm nhà", "official": "xây dựng" }, { "everyday": "   ", "official": "xây dựng" } ] }""", "entries[1].everyday", "Để trống" },
        { $$"""{ "step": "search-synonyms", "entries": [ { "everyday": "làm nhà", "official": "{{new string('a', 201)}}" } ] }""", "entries[0].official", "Dài 201 ký tự, tối đa 200" },
        { """{ "step": "search-synonyms", "entries": [ { "everyday": "123 - 456", "official": "xây dựng" } ] }""", "entries[0].everyday", "không có chữ cái nào" },
        { """{ "step": "search-synonyms", "entries": [ { "everyday": "làm nhà", "official": "?!" } ] }""", "entries[0].official", "không có chữ cái nào" },
        { """{ "step": "search-synonyms", "entries": [ { "everyday": "làm nhà", "official": "xây dựng" }, { "everyday": "sổ đỏ", "official": "giấy chứng nhận" }, { "everyday": "Làm Nhà", "official": "xây  dựng" } ] }""", "entries[2].everyday", "đã khai ở entries[0]" },
        { """{ "step": "search-synonyms", "entries": [ { "everyday": "Chứng thực", "official": "chứng thực" } ] }""", "entries[0].official", "không có tác dụng" },
        { """{ "step": "search-synonyms", "entries": [] }""", "entries", "Danh sách trống" },
        { """{ "step": "search-synonyms", "entries": [ { "everyday": "làm nhà", "offical": "xây dựng" } ] }""", "entries[0]", "Thiếu trường bắt buộc" },
    };

    [Theory]
    [MemberData(nameof(BadSteps))]
    public async Task A_bad_step_is_refused_naming_the_file_step_and_field_and_the_recipe_writes_nothing(string badStep, string field, string message)
    {
        var before = await AllRowsAsync();
        var good = """{ "step": "search-synonyms", "province": "75", "entries": [ { "everyday": "giấy tờ đất", "official": "giấy chứng nhận quyền sử dụng đất" } ] }""";
        var path = Write("tu-loi", good, badStep);

        var e = await Assert.ThrowsAsync<RecipeValidationException>(() => ApplyAsync(path));

        var error = Assert.Single(e.Errors, x => x.Field == field);
        Assert.Equal(("tu-loi.recipe.json", 2, "search-synonyms"), (error.File, error.Step, error.StepName));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains($"tu-loi.recipe.json: bước 2 (\"search-synonyms\"), trường \"{field}\"", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, await AllRowsAsync());
        Assert.Empty(await RowsAsync("75"));
    }

    [Fact]
    public async Task The_step_belongs_in_platform_recipes_only()
    {
        var commune = await portal.CreateCommuneAsync();
        var folder = Path.Combine(Path.GetTempPath(), "qms-recipes-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "tu-xa.recipe.json");
        File.WriteAllText(path, """
            { "name": "tu-xa", "version": "1.0.0", "description": "Thử", "scope": "commune",
              "steps": [ { "step": "search-synonyms", "entries": [ { "everyday": "làm nhà", "official": "xây dựng" } ] } ] }
            """);

        var errors = await portal.InScopeAsync(async sp =>
        {
            var runner = sp.GetRequiredService<RecipeRunner>();
            return await runner.ValidateAsync(await runner.LoadAsync(path), commune);
        });

        var error = Assert.Single(errors);
        Assert.Equal(("step", "search-synonyms"), (error.Field, error.StepName));
    }
}
