using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Tthc;

/// <summary>The commune's postings: completeness and currency score, stale postings with what changed, adoption from the province catalogue.</summary>
[Authorize(Policy = CommunePolicies.Author)]
public sealed class ManageModel(QmsDbContext db, TenantContext tenant, PostingCompleteness completeness, Postings postings) : PageModel
{
    public List<PostingState> States { get; private set; } = [];
    public int Score { get; private set; }
    public List<(string Code, string Name, string Field)> Available { get; private set; } = [];
    public string Slug => tenant.Required.Slug;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        States = await completeness.StatesAsync(cancellationToken);
        Score = PostingCompleteness.Score(States);
        var adopted = States.Select(s => s.Code).ToHashSet();
        // The province catalogue is province data (not tenant-owned): filtered here by this commune's province.
        var province = tenant.Required.ProvinceCode;
        var catalogue = await db.Set<CatalogueProcedure>().AsNoTracking().Where(p => p.ProvinceCode == province)
            .Select(p => new { p.Code, v = p.Versions.First(v => v.Number == p.CurrentVersion) })
            .ToListAsync(cancellationToken);
        Available = catalogue.Where(c => !adopted.Contains(c.Code) && !c.v.Rescinded)
            .Select(c => (c.Code, c.v.Name, c.v.Field)).OrderBy(c => c.Field).ThenBy(c => c.Name).ToList();
    }

    public async Task<IActionResult> OnPostAdoptAsync(string[] codes, bool all, CancellationToken cancellationToken)
    {
        var adopted = await postings.AdoptAsync(tenant.Required.ProvinceCode, all ? null : codes, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await postings.EvictAsync(tenant.Required.Id, cancellationToken);
        TempData["Message"] = adopted.Count == 0 ? "Không có thủ tục nào được chọn." : $"Đã nhận {adopted.Count} thủ tục vào danh sách (bản nháp, chưa niêm yết).";
        return RedirectToPage();
    }
}
