using System.Text.Json.Nodes;
using QmsPortal.Web.Features.Provinces.Compliance;
using QmsPortal.Web.Features.Provinces.Ranking.Scores;

namespace QmsPortal.Tests.Features.Provinces.Ranking;

/// <summary>How each criterion turns a compliance row into points, at and around its thresholds (one criterion worth 100 points).</summary>
public sealed class CriteriaTests
{
    private static decimal Points(string key, JsonObject thresholds, ComplianceRow row) =>
        Scoring.Score(Rows.Single(key, thresholds), row).Total;

    [Theory]
    [InlineData(4, 4, 100)]
    [InlineData(4, 3, 75)]
    [InlineData(4, 1, 25)]
    [InlineData(4, 0, 0)]
    [InlineData(3, 4, 100)]
    [InlineData(3, 3, 100)]
    [InlineData(3, 2, 66.7)]
    public void Iso_steps_earn_points_in_proportion_up_to_the_steps_required(int fullAt, int done, decimal expected)
    {
        var row = Rows.Spotless() with { Steps = Rows.Steps(done) };

        Assert.Equal(expected, Points("iso-steps", new JsonObject { ["fullAt"] = fullAt }, row));
    }

    [Fact]
    public void A_later_iso_step_does_not_count_before_an_earlier_one()
    {
        var steps = Rows.Steps(4).Select(s => s.Number == 2 ? s with { Done = false, Date = null } : s).ToList();

        var score = Scoring.Score(Rows.Single("iso-steps", new JsonObject { ["fullAt"] = 4 }), Rows.Spotless() with { Steps = steps });

        Assert.Equal(25, score.Total);
        Assert.Equal("1/4 bước", score.Criteria[0].Measured);
        Assert.Contains("Hoàn thành bước 2: Áp dụng", score.Criteria[0].Improve);
    }

    [Theory]
    [InlineData("internal-audit", "2025-11-25", 100)]
    [InlineData("internal-audit", "2025-11-24", 0)]
    [InlineData("internal-audit", "2026-11-25", 100)]
    [InlineData("management-review", "2025-11-25", 100)]
    [InlineData("management-review", "2025-11-24", 0)]
    public void A_yearly_record_earns_full_points_within_the_months_and_none_a_day_later(string key, string last, decimal expected)
    {
        var date = DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture);
        var row = key == "internal-audit" ? Rows.Spotless() with { LastInternalAudit = date } : Rows.Spotless() with { LastManagementReview = date };

        Assert.Equal(expected, Points(key, new JsonObject { ["withinMonths"] = 12 }, row));
    }

    [Fact]
    public void A_yearly_record_never_held_earns_nothing_and_says_so()
    {
        var score = Scoring.Score(Rows.Single("internal-audit", new JsonObject { ["withinMonths"] = 12 }), Rows.Spotless() with { LastInternalAudit = null });

        Assert.Equal(0, score.Total);
        Assert.Equal("Chưa có", score.Criteria[0].Measured);
        Assert.Contains("chưa có đánh giá nội bộ nào", score.Criteria[0].Improve);
    }

    [Theory]
    [InlineData("corrective-actions-overdue", 0, 100)]
    [InlineData("corrective-actions-overdue", 1, 66.7)]
    [InlineData("corrective-actions-overdue", 2, 33.3)]
    [InlineData("corrective-actions-overdue", 3, 0)]
    [InlineData("corrective-actions-overdue", 9, 0)]
    [InlineData("documents-review-overdue", 1, 66.7)]
    [InlineData("legal-updates-overdue", 2, 33.3)]
    [InlineData("stale-postings", 3, 0)]
    [InlineData("citizen-reports-open", 1, 66.7)]
    public void A_count_earns_full_points_up_to_the_allowance_none_from_the_limit_and_evenly_between(string key, int count, decimal expected)
    {
        var row = key switch
        {
            "corrective-actions-overdue" => Rows.Spotless() with { OverdueCorrectiveActions = count },
            "documents-review-overdue" => Rows.Spotless() with { DocumentsOverdueForReview = count },
            "legal-updates-overdue" => Rows.Spotless() with { LegalUpdatesOverdue = count },
            "stale-postings" => Rows.Spotless() with { StalePostings = count },
            _ => Rows.Spotless() with { OpenCitizenReports = count },
        };

        Assert.Equal(expected, Points(key, new JsonObject { ["fullAtMost"] = 0, ["zeroFrom"] = 3 }, row));
    }

    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 0)]
    public void A_count_allowance_of_one_gives_full_points_at_one_and_none_at_the_limit(int count, decimal expected)
    {
        var row = Rows.Spotless() with { OverdueCorrectiveActions = count };

        Assert.Equal(expected, Points("corrective-actions-overdue", new JsonObject { ["fullAtMost"] = 1, ["zeroFrom"] = 2 }, row));
    }

    [Fact]
    public void Open_corrective_actions_that_are_not_overdue_cost_nothing()
    {
        var row = Rows.Spotless() with { OpenCorrectiveActions = 7, OverdueCorrectiveActions = 0 };

        Assert.Equal(100, Points("corrective-actions-overdue", new JsonObject { ["fullAtMost"] = 0, ["zeroFrom"] = 3 }, row));
    }

    [Theory]
    [InlineData(100, 100)]
    [InlineData(99.9, 99.8)]
    [InlineData(75, 50)]
    [InlineData(50.1, 0.2)]
    [InlineData(50, 0)]
    [InlineData(49.99, 0)]
    [InlineData(0, 0)]
    public void Posting_completeness_is_full_at_the_bar_none_below_the_floor_and_rises_evenly(decimal percent, decimal expected)
    {
        var row = Rows.Spotless() with { PostingCompleteness = percent };

        Assert.Equal(expected, Points("posting-completeness", new JsonObject { ["fullAt"] = 100, ["zeroBelow"] = 50 }, row));
    }

    [Fact]
    public void A_commune_that_posts_nothing_earns_no_posting_points()
    {
        var score = Scoring.Score(Rows.Single("posting-completeness", new JsonObject { ["fullAt"] = 100, ["zeroBelow"] = 50 }),
            Rows.Spotless() with { PostingCompleteness = null });

        Assert.Equal(0, score.Total);
        Assert.Equal("Chưa niêm yết thủ tục nào", score.Criteria[0].Measured);
    }

    [Theory]
    [InlineData(98, 100)]
    [InlineData(97.99, 99.9)]
    [InlineData(94, 50)]
    [InlineData(90, 0)]
    [InlineData(89.5, 0)]
    public void On_time_rate_against_the_province_threshold(decimal value, decimal expected)
    {
        var row = Rows.Spotless() with { OnTimeRate = new ObjectiveReading(value, new DateOnly(2026, 10, 1), 99m, value >= 99m) };

        Assert.Equal(expected, Points("on-time-rate", new JsonObject { ["basis"] = "threshold", ["fullAt"] = 98, ["zeroBelow"] = 90 }, row));
    }

    [Theory]
    [InlineData(true, 100)]
    [InlineData(false, 0)]
    public void Satisfaction_against_the_communes_own_target_is_all_or_nothing(bool met, decimal expected)
    {
        var row = Rows.Spotless() with { Satisfaction = new ObjectiveReading(met ? 95m : 94.9m, new DateOnly(2026, 10, 1), 95m, met) };

        Assert.Equal(expected, Points("satisfaction", new JsonObject { ["basis"] = "target" }, row));
    }

    [Fact]
    public void An_objective_without_values_earns_nothing_and_asks_for_them()
    {
        var score = Scoring.Score(Rows.Single("on-time-rate", new JsonObject { ["basis"] = "target" }), Rows.Spotless() with { OnTimeRate = null });

        Assert.Equal(0, score.Total);
        Assert.Equal("Chưa có số liệu", score.Criteria[0].Measured);
        Assert.NotNull(score.Criteria[0].Improve);
    }

    [Fact]
    public void A_spotless_commune_scores_100_with_no_advice()
    {
        var score = Scoring.Score(Rows.Scheme(Rows.AllCriteria()), Rows.Spotless());

        Assert.Equal(100.0m, score.Total);
        Assert.All(score.Criteria, c => Assert.Equal(c.Max, c.Points));
        Assert.Empty(score.ToImprove);
        Assert.All(score.Criteria, c => Assert.Null(c.Improve));
    }

    [Fact]
    public void The_total_is_the_sum_of_the_rounded_points_and_each_shortfall_says_how_to_improve()
    {
        var row = Rows.Spotless() with { OverdueCorrectiveActions = 1, DocumentsOverdueForReview = 2, Steps = Rows.Steps(3) };

        var score = Scoring.Score(Rows.Scheme(Rows.AllCriteria()), row);

        // 10 × 2/3 = 6,67 → 6,7; 5 × 1/3 = 1,67 → 1,7; 20 × 3/4 = 15: the total adds the rounded points (88,4).
        Assert.Equal(6.7m, score.Criteria.Single(c => c.Criterion.Key == "corrective-actions-overdue").Points);
        Assert.Equal(1.7m, score.Criteria.Single(c => c.Criterion.Key == "documents-review-overdue").Points);
        Assert.Equal(15m, score.Criteria.Single(c => c.Criterion.Key == "iso-steps").Points);
        Assert.Equal(score.Criteria.Sum(c => c.Points), score.Total);
        Assert.Equal(100m - 3.3m - 3.3m - 5m, score.Total);
        Assert.Equal(["iso-steps", "corrective-actions-overdue", "documents-review-overdue"], score.ToImprove.Select(c => c.Criterion.Key));
        Assert.Contains("hiện có 1, cần giảm xuống không quá 0", score.Criteria.Single(c => c.Criterion.Key == "corrective-actions-overdue").Improve);
    }

    [Fact]
    public void Each_criterion_points_at_the_commune_page_behind_the_column_it_read()
    {
        var row = Rows.Spotless() with { LastInternalAuditPath = "danh-gia/cuoc-danh-gia/7" };

        var score = Scoring.Score(Rows.Scheme(Rows.AllCriteria()), row);

        CriterionScore Of(string key) => score.Criteria.Single(c => c.Criterion.Key == key);
        Assert.Equal("/mau-muc/danh-gia/cuoc-danh-gia/7", Of("internal-audit").EvidencePath);
        Assert.Equal("10/06/2026", Of("internal-audit").Measured);
        Assert.Equal("/mau-muc/danh-gia/khac-phuc?loc=qua-han", Of("corrective-actions-overdue").EvidencePath);
        Assert.Equal("/mau-muc/tai-lieu/he-thong-iso", Of("iso-steps").EvidencePath);
        Assert.Equal("/mau-muc/thu-tuc", Of("posting-completeness").EvidencePath);
    }

    [Fact]
    public void Equal_totals_share_a_rank_and_the_next_rank_skips()
    {
        var scheme = Rows.Scheme(Rows.AllCriteria());
        var scores = new[]
        {
            Scoring.Score(scheme, Rows.Spotless("Xã Ba", 3) with { OverdueCorrectiveActions = 3 }),
            Scoring.Score(scheme, Rows.Spotless("Xã Một", 1)),
            Scoring.Score(scheme, Rows.Spotless("Xã Bốn", 4) with { OverdueCorrectiveActions = 9, StalePostings = 5 }),
            Scoring.Score(scheme, Rows.Spotless("Xã Ân", 2) with { OverdueCorrectiveActions = 3 }),
        };

        var ranked = Scoring.Rank(scores);

        Assert.Equal([(1, "Xã Một"), (2, "Xã Ân"), (2, "Xã Ba"), (4, "Xã Bốn")], ranked.Select(r => (r.Rank, r.Score.Row.Name)));
    }
}
