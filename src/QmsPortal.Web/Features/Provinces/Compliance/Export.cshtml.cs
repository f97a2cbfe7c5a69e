using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QmsPortal.Web.Exports;

namespace QmsPortal.Web.Features.Provinces.Compliance;

/// <summary>The compliance table as CSV or XLSX: the rows the page shows for the same query string, in the same order.</summary>
[Authorize]
public sealed class ExportModel(ProvinceAccess access, ProvinceCompliance compliance) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string provinceCode, string format, CancellationToken cancellationToken)
    {
        if (!ExportFile.IsFormat(format))
        {
            return NotFound();
        }

        var (province, refusal) = await access.OpenAsync(provinceCode, cancellationToken);
        if (province is null)
        {
            return this.Refuse(refusal);
        }

        var view = ComplianceView.Parse(Request.Query, compliance.Today);
        var rows = view.Apply(await compliance.LoadAsync(province.Code, view.AsOf, cancellationToken));
        var table = ComplianceView.Export(province.Name, view.AsOf, rows);
        return ExportFile.Of(table, format, $"tuan-thu-iso-{province.Code}-{view.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
    }
}
