using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace QmsPortal.Web.Features.Provinces.Compliance;

/// <summary>
/// The province workspace: links to the province's other pages, then the compliance table of its communes on a day,
/// sorted and filtered by any column, each cell leading to the commune's records behind it.
/// </summary>
[Authorize]
public sealed class IndexModel(ProvinceAccess access, ProvinceCompliance compliance) : PageModel
{
    public OverseenProvince Province { get; private set; } = new("", "");
    public ComplianceView View { get; private set; } = null!;
    public IReadOnlyList<ComplianceRow> Rows { get; private set; } = [];
    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(string provinceCode, CancellationToken cancellationToken)
    {
        var (province, refusal) = await access.OpenAsync(provinceCode, cancellationToken);
        if (province is null)
        {
            return this.Refuse(refusal);
        }

        Province = province;
        View = ComplianceView.Parse(Request.Query, compliance.Today);
        var all = await compliance.LoadAsync(province.Code, View.AsOf, cancellationToken);
        Total = all.Count;
        Rows = View.Apply(all);
        return Page();
    }
}
