using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Files;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Audits.Programmes;

/// <summary>
/// Downloads one evidence file of an audit. Audit evidence is never public: readers of the commune only. Another
/// commune's file, or a file of another audit, is the same 404 as an unknown one (the query filter hides the row).
/// </summary>
[Authorize(Policy = CommunePolicies.Reader)]
public sealed class EvidenceFileModel(QmsDbContext db, IFileStore files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, int file, CancellationToken cancellationToken)
    {
        var row = await db.Set<AuditEvidenceFile>().AsNoTracking().Where(f => f.Id == file && f.AuditId == id)
            .Select(f => new { f.FileName, f.ContentType, f.ContentKey }).FirstOrDefaultAsync(cancellationToken);
        var stream = row is null ? null : files.OpenRead(row.ContentKey);
        return stream is null ? NotFound() : File(stream, row!.ContentType, row.FileName);
    }
}
