using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QmsPortal.Web.Features.Provinces.Ranking.Scores;

namespace QmsPortal.Web.Features.Provinces.Ranking;

/// <summary>The province's communes ranked by their score on a day, each criterion's points in its own column.</summary>
[Authorize]
public sealed class ProvinceModel(ProvinceAccess access, ProvinceRanking ranking) : PageModel
{
    public OverseenProvince Province { get; private set; } = new("", "");
    public RankingDay Day { get; private set; } = null!;
    public RankingOnDay Ranking { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string provinceCode, CancellationToken cancellationToken)
    {
        var (province, refusal) = await access.OpenAsync(provinceCode, cancellationToken);
        if (province is null)
        {
            return this.Refuse(refusal);
        }

        Province = province;
        Day = RankingDay.From(Request.Query, ranking.Today);
        Ranking = await ranking.RankAsync(province.Code, Day.AsOf, cancellationToken);
        return Page();
    }
}
