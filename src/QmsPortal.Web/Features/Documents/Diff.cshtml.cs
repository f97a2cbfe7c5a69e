using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Documents;

/// <summary>Side-by-side, line-based difference between any two revisions of one document.</summary>
[Authorize(Policy = CommunePolicies.Reader)]
public sealed class DiffModel(QmsDbContext db, TenantContext tenant) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "tu")]
    public int? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "den")]
    public int? To { get; set; }

    public string Code { get; private set; } = "";
    public int DocumentId { get; private set; }
    public Side Old { get; private set; } = null!;
    public Side New { get; private set; } = null!;
    public IReadOnlyList<(DiffPiece Old, DiffPiece New)> Lines { get; private set; } = [];
    public string Slug => tenant.Required.Slug;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var code = await db.Set<ControlledDocument>().AsNoTracking().Where(d => d.Id == id).Select(d => d.Code).FirstOrDefaultAsync();
        if (code is null)
        {
            return NotFound();
        }

        Code = code;
        DocumentId = id;
        if (From is null || To is null)
        {
            TempData["Error"] = "Chọn hai bản để so sánh (cột \"từ\" và \"đến\").";
            return Redirect($"/{Slug}/tai-lieu/{id}#cac-ban");
        }

        var sides = await db.Set<DocumentRevision>().AsNoTracking().Where(r => r.DocumentId == id && (r.Id == From || r.Id == To))
            .Select(r => new Side(r.Id, r.Number, r.Status, r.IssueNumber, r.Body)).ToListAsync();
        var old = sides.FirstOrDefault(s => s.Id == From);
        var @new = sides.FirstOrDefault(s => s.Id == To);
        if (old is null || @new is null)
        {
            return NotFound();
        }

        (Old, New) = (old, @new);
        var model = SideBySideDiffBuilder.Diff(old.Body, @new.Body, ignoreWhiteSpace: false, ignoreCase: false);
        Lines = model.OldText.Lines.Zip(model.NewText.Lines).ToList();
        return Page();
    }

    public sealed record Side(int Id, int Number, RevisionStatus Status, int? IssueNumber, string Body);
}
