using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Provinces.Ranking.Scores;

namespace QmsPortal.Web.Features.Provinces.Ranking;

/// <summary>One commune's place in its province's ranking and its points criterion by criterion, with the records behind them.</summary>
[Authorize]
public sealed class CommuneModel(ProvinceAccess access, ProvinceRanking ranking, QmsDbContext db) : PageModel
{
    public OverseenProvince Province { get; private set; } = new("", "");
    public string CommuneName { get; private set; } = "";
    public RankingDay Day { get; private set; } = null!;
    public RankingOnDay Ranking { get; private set; } = null!;
    public RankedCommune? Ranked { get; private set; }

    public async Task<IActionResult> OnGetAsync(string provinceCode, string slug, CancellationToken cancellationToken)
    {
        var (province, refusal) = await access.OpenAsync(provinceCode, cancellationToken);
        if (province is null)
        {
            return this.Refuse(refusal);
        }

        // Tenants carries no tenant filter: a commune of another province is simply not found under this one.
        var commune = await db.Tenants.AsNoTracking().Where(t => t.Slug == slug && t.ProvinceCode == province.Code)
            .Select(t => new { t.Id, t.Name }).FirstOrDefaultAsync(cancellationToken);
        if (commune is null)
        {
            return NotFound();
        }

        Province = province;
        CommuneName = commune.Name;
        Day = RankingDay.From(Request.Query, ranking.Today);
        Ranking = await ranking.RankAsync(province.Code, Day.AsOf, cancellationToken);
        Ranked = Ranking.Communes.FirstOrDefault(c => c.Score.Row.TenantId == commune.Id);
        return Page();
    }
}
