using QmsPortal.Web.Features.Provinces.Compliance;
using QmsPortal.Web.Features.Provinces.Ranking.Schemes;

namespace QmsPortal.Web.Features.Provinces.Ranking.Scores;

/// <summary>A province's ranking on a day: the scheme in force then (null when there was none) and its communes, best first.</summary>
/// <param name="FirstScheme">When there is no scheme in force: the day the year's first scheme was applied, if one was later.</param>
public sealed record RankingOnDay(DateOnly AsOf, Scheme? Scheme, DateOnly? FirstScheme, IReadOnlyList<RankedCommune> Communes);

/// <summary>One commune's score on a day, for the commune's own page: nothing of any other commune is read.</summary>
public sealed record CommuneScoreOnDay(DateOnly AsOf, Scheme? Scheme, DateOnly? FirstScheme, CommuneScore? Score);

/// <summary>
/// Scores communes with the scheme in force on the day, from the compliance rows of that day: the same day gives the
/// same scores whenever it is asked. Without a scheme nothing is scored (no invented points).
/// </summary>
public sealed class ProvinceRanking(SchemesInForce schemes, ProvinceCompliance compliance)
{
    public DateOnly Today => compliance.Today;

    public async Task<RankingOnDay> RankAsync(string provinceCode, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var scheme = await schemes.OnAsync(provinceCode, asOf, cancellationToken);
        if (scheme is null)
        {
            return new RankingOnDay(asOf, null, await FirstSchemeAsync(provinceCode, asOf, cancellationToken), []);
        }

        var rows = await compliance.LoadAsync(provinceCode, asOf, cancellationToken);
        return new RankingOnDay(asOf, scheme, null, Scoring.Rank(rows.Select(r => Scoring.Score(scheme, r))));
    }

    public async Task<CommuneScoreOnDay> ScoreCommuneAsync(int tenantId, string provinceCode, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var scheme = await schemes.OnAsync(provinceCode, asOf, cancellationToken);
        if (scheme is null)
        {
            return new CommuneScoreOnDay(asOf, null, await FirstSchemeAsync(provinceCode, asOf, cancellationToken), null);
        }

        var row = await compliance.LoadCommuneAsync(tenantId, asOf, cancellationToken);
        return new CommuneScoreOnDay(asOf, scheme, null, row is null ? null : Scoring.Score(scheme, row));
    }

    private async Task<DateOnly?> FirstSchemeAsync(string provinceCode, DateOnly asOf, CancellationToken cancellationToken) =>
        await schemes.FirstAppliedAsync(provinceCode, asOf.Year, cancellationToken) is { } first ? SchemesInForce.LocalDay(first) : null;
}
