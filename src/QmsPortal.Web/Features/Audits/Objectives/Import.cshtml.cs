using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Audits.Objectives;

/// <summary>
/// Imports the one-stop desk's monthly statistics from CSV: the whole file is checked first and a bad row is reported by
/// row and column with nothing imported; a month imported again is replaced, the same figures change nothing.
/// </summary>
[Authorize(Policy = CommunePolicies.Reader)]
public sealed class ImportModel(QmsDbContext db, TenantContext tenant, CommuneAccess access, TimeProvider clock) : PageModel
{
    public IReadOnlyList<CsvProblem> Problems { get; private set; } = [];
    public IReadOnlyList<DeskStatistics> Stored { get; private set; } = [];
    public bool CanManage { get; private set; }
    public string Slug => tenant.Required.Slug;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (!await MayManageAsync())
        {
            return Forbid();
        }

        if (file is null || file.Length == 0)
        {
            Problems = [new CsvProblem(0, null, "Hãy chọn tệp CSV số liệu thống kê.")];
        }
        else if (file.Length > DeskCsv.MaxBytes)
        {
            Problems = [new CsvProblem(0, null, "Tệp CSV lớn quá 1 MB.")];
        }
        else
        {
            using var memory = new MemoryStream();
            await file.CopyToAsync(memory, cancellationToken);
            var (months, problems) = DeskCsv.Parse(memory.ToArray(), VietnameseFormat.Today(clock));
            Problems = problems;
            if (problems.Count == 0)
            {
                var result = await DeskImport.ApplyAsync(db, months, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                TempData["Message"] = result.NothingChanged
                    ? $"Không có thay đổi: {result.Unchanged} tháng trong tệp đã có cùng số liệu."
                    : $"Đã nhập {months.Count} tháng: {result.Added} tháng mới, {result.Changed} tháng thay số liệu, {result.Unchanged} tháng không đổi; {result.ValuesSet} giá trị mục tiêu được cập nhật.";
                return Redirect($"/{Slug}/danh-gia/muc-tieu/nhap-so-lieu");
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<bool> MayManageAsync() => (await access.RolesAsync()).Contains(CommuneRole.QualitySecretary);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        CanManage = await MayManageAsync();
        Stored = await db.Set<DeskStatistics>().AsNoTracking().OrderByDescending(s => s.Month).Take(36).ToListAsync(cancellationToken);
    }
}
