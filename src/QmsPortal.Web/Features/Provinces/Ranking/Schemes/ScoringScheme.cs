using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace QmsPortal.Web.Features.Provinces.Ranking.Schemes;

/// <summary>
/// One version of a province's scoring scheme for one year, as the recipe step <c>province-scoring</c> applied it.
/// Platform data keyed by province (not a commune's): versions are kept, never changed, so a score of a past day is
/// computed again with the scheme that was in force that day.
/// </summary>
public sealed class ScoringScheme
{
    public const int TitleMaxLength = 300;

    public int Id { get; set; }
    public string ProvinceCode { get; set; } = "";
    public int Year { get; set; }
    public int Version { get; set; }
    public string Title { get; set; } = "";

    /// <summary>The criteria as the recipe gave them: <c>[{"key", "weight", "thresholds"}]</c>.</summary>
    public string CriteriaJson { get; set; } = "[]";

    /// <summary>When the version was applied (UTC): from then on it is the one in force, until a higher version is applied.</summary>
    public DateTime AppliedAt { get; set; }

    public Scheme ToScheme() => new(ProvinceCode, Year, Version, Title, SchemeReader.StoredCriteria(CriteriaJson), AppliedAt);
}

/// <summary>A scheme ready to score with: each chosen criterion with its weight (the points it is worth) and thresholds.</summary>
public sealed record Scheme(string ProvinceCode, int Year, int Version, string Title, IReadOnlyList<SchemeCriterion> Criteria, DateTime AppliedAt)
{
    public const int TotalWeight = 100;

    public static string CriteriaToJson(IEnumerable<SchemeCriterion> criteria) =>
        new JsonArray(criteria.Select(c => (JsonNode)new JsonObject
        {
            ["key"] = c.Criterion.Key,
            ["weight"] = c.Weight,
            ["thresholds"] = c.Thresholds.ToJson(),
        }).ToArray()).ToJsonString();
}

public sealed record SchemeCriterion(ScoringCriterion Criterion, int Weight, Thresholds Thresholds);

internal sealed class ScoringSchemeConfiguration : IEntityTypeConfiguration<ScoringScheme>
{
    public void Configure(EntityTypeBuilder<ScoringScheme> builder)
    {
        builder.ToTable("ProvinceScoringSchemes");
        builder.Property(s => s.ProvinceCode).HasMaxLength(8);
        builder.Property(s => s.Title).HasMaxLength(ScoringScheme.TitleMaxLength);
        builder.HasIndex(s => new { s.ProvinceCode, s.Year, s.Version }).IsUnique();
    }
}
