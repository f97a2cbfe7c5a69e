using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace QmsPortal.Web.Features.Provinces.Charts;

/// <summary>One commune's pictures, for its province: 404 when the address names a commune of another province.</summary>
[Authorize]
public sealed class CommuneModel(ProvinceAccess access, ProvinceCharts charts) : PageModel
{
    public OverseenProvince Province { get; private set; } = null!;
    public string Slug { get; private set; } = "";
    public string CommuneName { get; private set; } = "";
    public ChartSet Charts { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string provinceCode, string slug, CancellationToken cancellationToken)
    {
        var (province, refusal) = await access.OpenAsync(provinceCode, cancellationToken);
        if (province is null)
        {
            return this.Refuse(refusal);
        }

        if (await charts.ForCommuneAsync(province, slug, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        (Province, Slug, CommuneName, Charts) = (province, slug, found.Name, found.Charts);
        return Page();
    }
}
