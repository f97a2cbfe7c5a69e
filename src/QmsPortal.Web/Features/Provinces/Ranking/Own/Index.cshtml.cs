using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QmsPortal.Web.Features.Provinces.Ranking.Scores;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Provinces.Ranking.Own;

/// <summary>
/// The commune's own score for its members (and the auditors of its province): the total, each criterion with its
/// evidence, and how to improve. Only this commune's row is read, so no other commune's name or score can appear.
/// </summary>
[Authorize(Policy = CommunePolicies.Reader)]
public sealed class IndexModel(TenantContext tenant, ProvinceRanking ranking) : PageModel
{
    public TenantInfo Commune => tenant.Required;
    public RankingDay Day { get; private set; } = null!;
    public CommuneScoreOnDay Score { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Day = RankingDay.From(Request.Query, ranking.Today);
        Score = await ranking.ScoreCommuneAsync(Commune.Id, Commune.ProvinceCode, Day.AsOf, cancellationToken);
    }
}
