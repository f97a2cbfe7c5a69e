using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Audits.Programmes;

/// <summary>
/// The commune's audit question bank by clause: internal auditors and the ISO secretary add questions and retire
/// those no longer asked. Audits already opened keep their own copy of the questions they were built from.
/// </summary>
[Authorize(Policy = CommunePolicies.Reader)]
public sealed class QuestionsModel(QmsDbContext db, TenantContext tenant, AuditDesk desk) : PageModel
{
    [BindProperty]
    public AddInput Input { get; set; } = new();

    public IReadOnlyList<Row> Active { get; private set; } = [];
    public IReadOnlyList<Row> Retired { get; private set; } = [];
    public bool CanAudit { get; private set; }
    public string Slug => tenant.Required.Slug;

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        if (!await desk.CanAuditAsync())
        {
            return Forbid();
        }

        try
        {
            var question = ChecklistQuestion.Create(Input.Clause, Input.Text, isStarter: false);
            var clause = question.Clause;
            var texts = await db.Set<ChecklistQuestion>().Where(q => q.Clause == clause && q.IsActive).Select(q => q.Text).ToListAsync(cancellationToken);
            if (texts.Contains(question.Text, StringComparer.OrdinalIgnoreCase))
            {
                throw new DomainException($"Điều khoản {clause} đã có câu hỏi này.", "Text");
            }

            db.Add(question);
            await db.SaveChangesAsync(cancellationToken);
            TempData["Message"] = $"Đã thêm câu hỏi vào điều khoản {IsoClauses.Label(clause)}.";
            return Redirect($"/{Slug}/danh-gia/cau-hoi#dieu-{IsoClauses.MainClause(clause)}");
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("Input." + (e.Field ?? "Text"), e.Message);
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostRetireAsync(int question, CancellationToken cancellationToken)
    {
        if (!await desk.CanAuditAsync())
        {
            return Forbid();
        }

        var entity = await db.Set<ChecklistQuestion>().FirstOrDefaultAsync(q => q.Id == question, cancellationToken);
        if (entity is null)
        {
            return NotFound();
        }

        entity.Retire();
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = "Đã thôi dùng câu hỏi; các cuộc đánh giá đã mở vẫn giữ câu hỏi này.";
        return Redirect($"/{Slug}/danh-gia/cau-hoi#dieu-{IsoClauses.MainClause(entity.Clause)}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        CanAudit = await desk.CanAuditAsync();
        var rows = await db.Set<ChecklistQuestion>().AsNoTracking().Select(q => new Row(q.Id, q.Clause, q.Text, q.IsStarter, q.IsActive)).ToListAsync(cancellationToken);
        var ordered = rows.OrderBy(q => q.Clause, ClauseOrder.Instance).ThenBy(q => q.Id).ToList();
        Active = ordered.Where(q => q.IsActive).ToList();
        Retired = ordered.Where(q => !q.IsActive).ToList();
    }

    public sealed class AddInput
    {
        [Display(Name = "Điều khoản")]
        public string? Clause { get; set; }

        [Display(Name = "Câu hỏi")]
        public string? Text { get; set; }
    }

    public sealed record Row(int Id, string Clause, string Text, bool IsStarter, bool IsActive);
}
