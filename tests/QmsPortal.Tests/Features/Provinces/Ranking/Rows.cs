using System.Text.Json.Nodes;
using QmsPortal.Web.Features.Provinces.Compliance;
using QmsPortal.Web.Features.Provinces.Ranking.Schemes;

namespace QmsPortal.Tests.Features.Provinces.Ranking;

/// <summary>Hand-built compliance rows and schemes: a commune with a spotless record, changed one column at a time with <c>with</c>.</summary>
internal static class Rows
{
    public static readonly DateOnly AsOf = new(2026, 11, 25);

    private static readonly string[] StepNames = ["Xây dựng", "Áp dụng", "Công bố", "Duy trì, cải tiến"];

    public static IReadOnlyList<ComplianceStep> Steps(int done) =>
        StepNames.Select((name, i) => new ComplianceStep(i + 1, name, i < done, i < done ? new DateOnly(2025, 3 + i, 1) : null)).ToList();

    public static ComplianceRow Spotless(string name = "Xã Mẫu Mực", int tenantId = 1, string slug = "mau-muc") => new(
        tenantId, slug, name, "18991", AsOf, Steps(4),
        LastInternalAudit: new DateOnly(2026, 6, 10), LastManagementReview: new DateOnly(2026, 7, 15),
        OpenCorrectiveActions: 1, OverdueCorrectiveActions: 0, DocumentsOverdueForReview: 0, LegalUpdatesOverdue: 0,
        PostingCompleteness: 100m, StalePostings: 0, OpenCitizenReports: 0,
        OnTimeRate: new ObjectiveReading(99.5m, new DateOnly(2026, 10, 1), 98m, true),
        Satisfaction: new ObjectiveReading(96m, new DateOnly(2026, 10, 1), 95m, true));

    /// <summary>The criteria of a scheme whose weights are given; each with the thresholds of the demo scheme.</summary>
    public static JsonArray Criteria(params (string Key, int Weight)[] weights) =>
        new(weights.Select(w => (JsonNode)new JsonObject { ["key"] = w.Key, ["weight"] = w.Weight, ["thresholds"] = DefaultThresholds(w.Key) }).ToArray());

    /// <summary>Every criterion of the registry, weights summing to 100.</summary>
    public static JsonArray AllCriteria() => Criteria(
        ("iso-steps", 20), ("internal-audit", 10), ("management-review", 10), ("corrective-actions-overdue", 10),
        ("documents-review-overdue", 5), ("legal-updates-overdue", 5), ("posting-completeness", 15), ("stale-postings", 5),
        ("citizen-reports-open", 5), ("on-time-rate", 10), ("satisfaction", 5));

    public static JsonObject DefaultThresholds(string key) => key switch
    {
        "iso-steps" => new JsonObject { ["fullAt"] = 4 },
        "internal-audit" or "management-review" => new JsonObject { ["withinMonths"] = 12 },
        "posting-completeness" => new JsonObject { ["fullAt"] = 100, ["zeroBelow"] = 50 },
        "on-time-rate" => new JsonObject { ["basis"] = "threshold", ["fullAt"] = 98, ["zeroBelow"] = 90 },
        "satisfaction" => new JsonObject { ["basis"] = "target" },
        _ => new JsonObject { ["fullAtMost"] = 0, ["zeroFrom"] = 3 },
    };

    public static JsonObject Step(string province, int year, int version, JsonArray criteria, string title = "Bộ tiêu chí thử") => new()
    {
        ["step"] = "province-scoring", ["province"] = province, ["year"] = year, ["version"] = version, ["title"] = title, ["criteria"] = criteria,
    };

    /// <summary>A scheme read as the recipe step reads it; fails the test on any problem.</summary>
    public static Scheme Scheme(JsonArray criteria)
    {
        var problems = new List<string>();
        var draft = SchemeReader.Read(Step("44", 2026, 1, criteria), (field, message) => problems.Add($"{field}: {message}"));
        Assert.True(draft is not null, string.Join(Environment.NewLine, problems));
        return new Scheme(draft.ProvinceCode, draft.Year, draft.Version, draft.Title, draft.Criteria, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
    }

    /// <summary>A scheme of one criterion worth all 100 points, with the given thresholds.</summary>
    public static Scheme Single(string key, JsonObject thresholds) =>
        Scheme(new JsonArray(new JsonObject { ["key"] = key, ["weight"] = 100, ["thresholds"] = thresholds }));
}
