using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Documents;

/// <summary>
/// Edits the document's open draft. The form carries the document's version: a save made from a page loaded
/// before someone else's save is refused, and the user's text stays in the form so nothing is lost.
/// </summary>
[Authorize(Policy = CommunePolicies.Author)]
public sealed class EditModel(QmsDbContext db, TenantContext tenant, DocumentLibrary library, TimeProvider clock) : PageModel
{
    public const string StaleMessage =
        "Bản dự thảo vừa được người khác lưu sau khi bạn mở trang, nên thay đổi của bạn CHƯA được lưu. Nội dung bạn nhập vẫn còn bên dưới: hãy sao chép lại, mở lại trang để xem bản mới nhất rồi áp dụng thay đổi.";

    [BindProperty]
    public EditInput Input { get; set; } = new();

    public string Code { get; private set; } = "";
    public int RevisionNumber { get; private set; }
    public string Slug => tenant.Required.Slug;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var document = await db.Set<ControlledDocument>().AsNoTracking().Include(d => d.Revisions).FirstOrDefaultAsync(d => d.Id == id);
        if (document is null)
        {
            return NotFound();
        }

        var draft = document.Revisions.FirstOrDefault(r => r.Status == RevisionStatus.Draft);
        if (draft is null)
        {
            TempData["Error"] = "Tài liệu không có bản dự thảo nào để sửa: bản đã trình, đã duyệt hoặc đã ban hành không được sửa. Hãy mở một bản sửa đổi mới.";
            return Redirect($"/{Slug}/tai-lieu/{id}");
        }

        Code = document.Code;
        RevisionNumber = draft.Number;
        Input = new EditInput
        {
            Title = draft.Title, Owner = document.Owner, ReviewIntervalMonths = document.ReviewIntervalMonths,
            TthcCodes = document.TthcCodes.Replace(" ", ", ", StringComparison.Ordinal), LegalBases = document.LegalBases,
            IsPublic = document.IsPublic, Body = draft.Body, ChangeSummary = draft.ChangeSummary, Version = document.Version, RevisionId = draft.Id,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id)
    {
        var document = await db.Set<ControlledDocument>().Include(d => d.Revisions).FirstOrDefaultAsync(d => d.Id == id);
        if (document is null)
        {
            return NotFound();
        }

        Code = document.Code;
        var revision = document.Revisions.FirstOrDefault(r => r.Id == Input.RevisionId);
        RevisionNumber = revision?.Number ?? 0;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (revision is null)
        {
            return NotFound();
        }

        if (document.Version != Input.Version)
        {
            ModelState.AddModelError("", StaleMessage);
            return Page();
        }

        try
        {
            // The version the user started from is what the database must still hold when we write.
            db.Entry(document).Property(d => d.Version).OriginalValue = Input.Version;
            document.EditDraft(revision, Input.Title, Input.Owner, Input.ReviewIntervalMonths, Input.TthcCodes, Input.LegalBases, Input.IsPublic,
                Input.Body, Input.ChangeSummary, await library.ActorAsync(), clock.GetUtcNow());
            await db.SaveChangesAsync();
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(e.Field is null ? "" : "Input." + e.Field, e.Message);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", StaleMessage);
            return Page();
        }

        TempData["Message"] = "Đã lưu bản dự thảo.";
        return Redirect($"/{Slug}/tai-lieu/{id}?ban={revision.Id}");
    }

    public sealed class EditInput : DocumentInput
    {
        public int Version { get; set; }
        public int RevisionId { get; set; }
    }
}
