using QmsPortal.Web.Features.Provinces.Compliance;
using QmsPortal.Web.Features.Provinces.Ranking.Schemes;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Provinces.Ranking.Scores;

/// <summary>The points one criterion gave a commune, with the record they came from and what would raise them.</summary>
/// <param name="Measured">The value of the compliance row's evidence column, as a person reads it.</param>
/// <param name="EvidencePath">The commune page (path from the site root) that shows the records behind the value.</param>
/// <param name="Improve">Null when the points are full.</param>
public sealed record CriterionScore(ScoringCriterion Criterion, decimal Points, int Max, string Measured, string Rule, string EvidencePath, string? Improve)
{
    public bool IsFull => Points == Max;
}

/// <summary>A commune's score under one scheme: the total out of 100 (one decimal) and each criterion's share of it.</summary>
public sealed record CommuneScore(ComplianceRow Row, decimal Total, IReadOnlyList<CriterionScore> Criteria)
{
    public IEnumerable<CriterionScore> ToImprove => Criteria.Where(c => !c.IsFull).OrderByDescending(c => c.Max - c.Points);

    public static string Points(decimal points) => points.ToString("0.0", VietnameseFormat.Culture);
}

/// <summary>A commune's place in its province's ranking; communes with the same total share a rank.</summary>
public sealed record RankedCommune(int Rank, CommuneScore Score);

public static class Scoring
{
    /// <summary>
    /// Scores one commune's row. Each criterion's points are rounded to one decimal and the total is their sum, so the
    /// breakdown always adds up to the total shown. Pure: the same scheme and row give the same score on any day.
    /// </summary>
    public static CommuneScore Score(Scheme scheme, ComplianceRow row)
    {
        var criteria = scheme.Criteria.Select(c =>
        {
            var measure = c.Criterion.Measure(row, c.Thresholds);
            var points = Math.Round(c.Weight * measure.Fraction, 1, MidpointRounding.AwayFromZero);
            return new CriterionScore(c.Criterion, points, c.Weight, measure.Measured, measure.Rule,
                ComplianceEvidence.PathOf(row, c.Criterion.EvidenceColumn), points == c.Weight ? null : measure.Improve);
        }).ToList();
        return new CommuneScore(row, criteria.Sum(c => c.Points), criteria);
    }

    /// <summary>Highest total first; equal totals share a rank (1, 2, 2, 4) and are listed by name.</summary>
    public static IReadOnlyList<RankedCommune> Rank(IEnumerable<CommuneScore> scores)
    {
        var ordered = scores.OrderByDescending(s => s.Total)
            .ThenBy(s => s.Row.Name, StringComparer.Create(VietnameseFormat.Culture, ignoreCase: true)).ToList();
        var ranked = new List<RankedCommune>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var rank = i > 0 && ordered[i].Total == ordered[i - 1].Total ? ranked[i - 1].Rank : i + 1;
            ranked.Add(new RankedCommune(rank, ordered[i]));
        }

        return ranked;
    }
}
