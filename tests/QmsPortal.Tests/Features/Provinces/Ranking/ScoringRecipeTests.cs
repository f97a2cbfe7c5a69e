using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Provinces.Ranking.Schemes;
using QmsPortal.Web.Recipes;

namespace QmsPortal.Tests.Features.Provinces.Ranking;

/// <summary>
/// The recipe step province-scoring: a bad scheme is refused with the file, the step and the field named, and the
/// scheme table is left as it was; a good one is stored once per version.
/// </summary>
public sealed class ScoringRecipeTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static int _year = 2040;

    /// <summary>Each test scores its own year, so the tests of the class never see each other's versions.</summary>
    private static int NextYear() => Interlocked.Increment(ref _year);

    [Fact]
    public async Task A_good_scheme_is_stored_with_its_criteria_and_applying_it_again_changes_nothing()
    {
        var year = NextYear();
        var path = Write(Rows.Step("44", year, 1, Rows.AllCriteria(), "Bộ tiêu chí Quảng Trị"));

        await ApplyAsync(path);
        await ApplyAsync(path);

        var stored = Assert.Single(await SchemesAsync("44", year));
        Assert.Equal((1, "Bộ tiêu chí Quảng Trị"), (stored.Version, stored.Title));
        var scheme = stored.ToScheme();
        Assert.Equal(11, scheme.Criteria.Count);
        Assert.Equal(100, scheme.Criteria.Sum(c => c.Weight));
        Assert.Equal(98m, scheme.Criteria.Single(c => c.Criterion.Key == "on-time-rate").Thresholds.Number("fullAt"));
        Assert.Equal(portal.Clock.GetUtcNow().UtcDateTime, stored.AppliedAt);
    }

    [Fact]
    public async Task An_unknown_criterion_is_refused_on_its_key()
    {
        var criteria = Rows.Criteria(("iso-steps", 50), ("internal-audit", 25), ("management-review", 25));
        criteria[2]!["key"] = "ban-chi-dao";

        var error = await RefusedAsync(criteria, "criteria[2].key");

        Assert.Contains("Không có tiêu chí \"ban-chi-dao\"", error.Message);
        Assert.Contains("iso-steps", error.Message);
    }

    [Fact]
    public async Task Weights_that_sum_to_99_are_refused_on_the_weights()
    {
        var error = await RefusedAsync(Rows.Criteria(("iso-steps", 50), ("internal-audit", 25), ("management-review", 24)), "criteria[].weight");

        Assert.Contains("Tổng trọng số là 99 (50 + 25 + 24), phải đúng 100", error.Message);
    }

    [Fact]
    public async Task A_threshold_written_as_text_where_a_number_is_expected_is_refused_on_that_threshold()
    {
        var criteria = Rows.Criteria(("iso-steps", 40), ("posting-completeness", 60));
        criteria[0]!["thresholds"] = new JsonObject { ["fullAt"] = "4" };

        var error = await RefusedAsync(criteria, "criteria[0].thresholds.fullAt");

        Assert.Contains("Phải là một số nguyên", error.Message);
        Assert.Contains("chữ \"4\"", error.Message);
    }

    [Theory]
    [InlineData("""{"zeroBelow": 50}""", "criteria[1].thresholds.fullAt", "Thiếu ngưỡng \"fullAt\"")]
    [InlineData("""{"fullAt": 120, "zeroBelow": 50}""", "criteria[1].thresholds.fullAt", "ngoài khoảng cho phép 0–100")]
    [InlineData("""{"fullAt": 80, "zeroBelow": 90}""", "criteria[1].thresholds.zeroBelow", "Phải nhỏ hơn fullAt (80)")]
    [InlineData("""{"fullAt": 80, "zeroBelow": 50, "cap": 3}""", "criteria[1].thresholds.cap", "không có ngưỡng \"cap\"")]
    [InlineData("""[80, 50]""", "criteria[1].thresholds", "Phải là một đối tượng JSON các ngưỡng")]
    public async Task A_missing_out_of_range_inconsistent_or_unknown_threshold_is_refused_on_its_field(string thresholds, string field, string message)
    {
        var criteria = Rows.Criteria(("iso-steps", 40), ("posting-completeness", 60));
        criteria[1]!["thresholds"] = JsonNode.Parse(thresholds);

        var error = await RefusedAsync(criteria, field);

        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("""{"basis": "target", "fullAt": 95}""", "criteria[1].thresholds.fullAt", "Không dùng với basis \"target\"")]
    [InlineData("""{"basis": "threshold", "zeroBelow": 90}""", "criteria[1].thresholds.fullAt", "bắt buộc với basis \"threshold\"")]
    [InlineData("""{"basis": "best"}""", "criteria[1].thresholds.basis", "\"best\" không được chấp nhận")]
    [InlineData("""{"basis": 1}""", "criteria[1].thresholds.basis", "Phải là chữ \"target\" hoặc \"threshold\"")]
    public async Task An_objective_basis_and_its_thresholds_must_agree(string thresholds, string field, string message)
    {
        var criteria = Rows.Criteria(("iso-steps", 40), ("on-time-rate", 60));
        criteria[1]!["thresholds"] = JsonNode.Parse(thresholds);

        var error = await RefusedAsync(criteria, field);

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task A_criterion_given_twice_is_refused_on_the_second_key()
    {
        var error = await RefusedAsync(Rows.Criteria(("iso-steps", 40), ("iso-steps", 30), ("internal-audit", 30)), "criteria[1].key");

        Assert.Contains("đã khai ở criteria[0]", error.Message);
    }

    [Fact]
    public async Task A_weight_written_as_text_is_refused_on_that_weight()
    {
        var criteria = Rows.Criteria(("iso-steps", 40), ("internal-audit", 60));
        criteria[1]!["weight"] = "60";

        var error = await RefusedAsync(criteria, "criteria[1].weight");

        Assert.Contains("một số nguyên từ 1 đến 100", error.Message);
    }

    [Fact]
    public async Task A_version_not_above_the_stored_one_is_refused_and_the_stored_versions_stay()
    {
        var year = NextYear();
        await ApplyAsync(Write(Rows.Step("42", year, 2, Rows.AllCriteria())));
        var stored = await SchemesAsync("42", year);

        var same = await RefusedAsync(Rows.Step("42", year, 2, Rows.Criteria(("iso-steps", 100))), "version");
        var older = await RefusedAsync(Rows.Step("42", year, 1, Rows.AllCriteria()), "version");

        Assert.Contains("đã áp dụng ngày 25/11/2026 với nội dung khác", same.Message);
        Assert.Contains("ghi phiên bản 3", same.Message);
        Assert.Contains("Phiên bản 1 không lớn hơn phiên bản 2", older.Message);
        Assert.Equal(stored.Select(s => (s.Version, s.CriteriaJson)), (await SchemesAsync("42", year)).Select(s => (s.Version, s.CriteriaJson)));
    }

    [Fact]
    public async Task A_higher_version_is_added_beside_the_older_one()
    {
        var year = NextYear();
        await ApplyAsync(Write(Rows.Step("42", year, 1, Rows.AllCriteria())));
        await ApplyAsync(Write(Rows.Step("42", year, 2, Rows.Criteria(("iso-steps", 100)))));

        Assert.Equal([1, 2], (await SchemesAsync("42", year)).Select(s => s.Version));
    }

    [Fact]
    public async Task A_bad_step_after_a_good_one_applies_neither()
    {
        var year = NextYear();
        var path = Write(
            Rows.Step("44", year, 1, Rows.AllCriteria()),
            Rows.Step("42", year, 1, Rows.Criteria(("iso-steps", 60), ("internal-audit", 39))));

        var refused = await Assert.ThrowsAsync<RecipeValidationException>(() => ApplyAsync(path));

        var error = Assert.Single(refused.Errors);
        Assert.Equal((2, "criteria[].weight"), (error.Step, error.Field));
        Assert.Empty(await SchemesAsync("44", year));
    }

    [Fact]
    public async Task An_unknown_province_is_refused_on_the_province()
    {
        var error = await RefusedAsync(Rows.Step("99", NextYear(), 1, Rows.AllCriteria()), "province");

        Assert.Contains("Không có tỉnh, thành phố mã \"99\"", error.Message);
    }

    private Task<RecipeError> RefusedAsync(JsonArray criteria, string field) => RefusedAsync(Rows.Step("44", NextYear(), 1, criteria), field);

    /// <summary>Applies one step that must be refused on <paramref name="field"/>; the scheme table must be as it was.</summary>
    private async Task<RecipeError> RefusedAsync(JsonObject step, string field)
    {
        var before = await AllSchemesAsync();
        var path = Write(step);

        var refused = await Assert.ThrowsAsync<RecipeValidationException>(() => ApplyAsync(path));

        var error = Assert.Single(refused.Errors, e => e.Field == field);
        Assert.Equal((Path.GetFileName(path), 1, "province-scoring"), (error.File, error.Step, error.StepName));
        Assert.Contains($"{Path.GetFileName(path)}: bước 1 (\"province-scoring\"), trường \"{field}\"", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await AllSchemesAsync());
        return error;
    }

    private Task ApplyAsync(string path) => portal.ApplyRecipeAsync(path);

    private Task<List<ScoringScheme>> SchemesAsync(string province, int year) => portal.InScopeAsync(sp =>
        sp.GetRequiredService<QmsDbContext>().Set<ScoringScheme>().AsNoTracking()
            .Where(s => s.ProvinceCode == province && s.Year == year).OrderBy(s => s.Version).ToListAsync());

    private Task<List<(string, int, int, string)>> AllSchemesAsync() => portal.InScopeAsync(async sp =>
        (await sp.GetRequiredService<QmsDbContext>().Set<ScoringScheme>().AsNoTracking().OrderBy(s => s.Id).ToListAsync())
            .Select(s => (s.ProvinceCode, s.Year, s.Version, s.CriteriaJson)).ToList());

    private static string Write(params JsonObject[] steps) => RankingKit.WriteRecipe(steps);
}
