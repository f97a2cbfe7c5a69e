using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QmsPortal.Web.Data;
using QmsPortal.Web.Exports;
using QmsPortal.Web.Features.Provinces.Compliance;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Provinces.Reports;

/// <summary>The yearly report to the Ministry (Phụ lục II, Quyết định 19/2014/QĐ-TTg) as an A4 print view, and the same table as XLSX.</summary>
[Authorize]
public sealed class ReportModel(QmsDbContext db, ProvinceAccess access, ProvinceCompliance compliance, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "nam")]
    public string? YearText { get; set; }

    public OverseenProvince Province { get; private set; } = null!;
    public int Year { get; private set; }
    public string? YearError { get; private set; }
    public YearlyReport? Report { get; private set; }

    public Task<IActionResult> OnGetAsync(string provinceCode, CancellationToken cancellationToken) => LoadAsync(provinceCode, _ => Page(), cancellationToken);

    public Task<IActionResult> OnGetXlsxAsync(string provinceCode, CancellationToken cancellationToken) =>
        LoadAsync(provinceCode, report => File(report.ToXlsx(), XlsxWriter.ContentType, $"bao-cao-iso-{report.ProvinceCode}-{report.Year}.xlsx"), cancellationToken);

    private async Task<IActionResult> LoadAsync(string provinceCode, Func<YearlyReport, IActionResult> result, CancellationToken cancellationToken)
    {
        var (province, refusal) = await access.OpenAsync(provinceCode, cancellationToken);
        if (province is null)
        {
            return this.Refuse(refusal);
        }

        Province = province;
        (Year, YearError) = ReportYear.Parse(YearText, clock);
        if (YearError is not null)
        {
            // The download link of a bad year lands on the page that says why.
            return Page();
        }

        Report = await YearlyReport.LoadAsync(db, compliance, province, Year, VietnameseFormat.Today(clock), cancellationToken);
        return result(Report);
    }
}
