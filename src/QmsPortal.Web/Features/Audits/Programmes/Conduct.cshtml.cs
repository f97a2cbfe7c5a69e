using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Files;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Audits.Programmes;

/// <summary>
/// One audit: its plan, the opening meeting (which builds the checklist from the question bank), every question's
/// result with evidence text and files, the lead auditor's signed report, cancellation with a reason, and a link to
/// raise a finding from each nonconform or observation answer. The entity decides every step; a refused step is
/// shown beside its field and nothing is written.
/// </summary>
[Authorize(Policy = CommunePolicies.Reader)]
public sealed class ConductModel(QmsDbContext db, TenantContext tenant, AuditDesk desk, ScopeLookup scopes, IFileStore files) : PageModel
{
    [BindProperty]
    public OpenInput Open { get; set; } = new();

    [BindProperty]
    public SignInput Sign { get; set; } = new();

    [BindProperty]
    public CancelInput Cancel { get; set; } = new();

    public Header Head { get; private set; } = null!;
    public IReadOnlyList<AnswerRow> Answers { get; private set; } = [];
    public ILookup<int, FileRow> Files { get; private set; } = Array.Empty<FileRow>().ToLookup(f => f.AnswerId);
    public ILookup<int?, FindingRow> Findings { get; private set; } = Array.Empty<FindingRow>().ToLookup(f => f.AnswerId);
    public IReadOnlyDictionary<string, string> DocumentTitles { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> TthcTitles { get; private set; } = new Dictionary<string, string>();

    /// <summary>The answer whose form was refused: its posted values are shown again with the message.</summary>
    public AnswerInput? Refused { get; private set; }

    public bool CanAudit { get; private set; }
    public bool IsAuditor { get; private set; }
    public bool IsLead { get; private set; }
    public DateOnly Today { get; private set; }
    public string Slug => tenant.Required.Slug;

    public static string AnswerKey(int answerId, string field) => $"Answer{answerId}.{field}";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Open.OpeningMeetingOn ??= Today;
        Sign.ClosingMeetingOn ??= Today;
        return Page();
    }

    public Task<IActionResult> OnPostOpenAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, nameof(Open), async (audit, actor) =>
        {
            var on = Open.OpeningMeetingOn ?? throw new DomainException("Vui lòng chọn ngày họp khai mạc.", "OpeningMeetingOn");
            var bank = await db.Set<ChecklistQuestion>().Where(q => q.IsActive).ToListAsync(cancellationToken);
            audit.Open(on, Open.Participants, bank, actor);
            return $"Đã họp khai mạc; danh mục kiểm tra có {audit.Answers.Count} câu hỏi.";
        }, cancellationToken);

    public Task<IActionResult> OnPostSignAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, nameof(Sign), (audit, actor) =>
        {
            var on = Sign.ClosingMeetingOn ?? throw new DomainException("Vui lòng chọn ngày họp kết thúc.", "ClosingMeetingOn");
            audit.SignReport(on, Sign.Conclusion, actor, desk.Now);
            db.Add(IsoMilestone.FromRecord(IsoMilestoneKind.InternalAudit, on, $"Báo cáo đánh giá nội bộ: {audit.Title}", $"danh-gia/cuoc-danh-gia/{audit.Id}"));
            return Task.FromResult("Trưởng đoàn đã ký báo cáo đánh giá.");
        }, cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, nameof(Cancel), (audit, _) =>
        {
            audit.Cancel(Cancel.Reason);
            return Task.FromResult("Đã hủy cuộc đánh giá.");
        }, cancellationToken);

    /// <summary>Records one answer and, when a file comes with it, stores it as evidence of that answer (both or neither).</summary>
    public async Task<IActionResult> OnPostAnswerAsync(int id, int answer, AnswerResult? result, string? evidence, IFormFile? upload, CancellationToken cancellationToken)
    {
        if (!await desk.CanAuditAsync())
        {
            return Forbid();
        }

        var audit = await db.Set<Audit>().Include(a => a.Answers).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        var target = audit?.Answers.FirstOrDefault(a => a.Id == answer);
        if (audit is null || target is null)
        {
            return NotFound();
        }

        try
        {
            audit.Answer(target, result ?? AnswerResult.Unanswered, evidence, await desk.ActorAsync());
            if (upload is { Length: > 0 })
            {
                if (upload.Length > EvidenceRules.MaxBytes)
                {
                    throw new DomainException($"Tệp bằng chứng vượt quá giới hạn {EvidenceRules.MaxBytes / 1024 / 1024} MB.", "Upload");
                }

                await using var buffer = new MemoryStream();
                await upload.CopyToAsync(buffer, cancellationToken);
                var (fileName, contentType) = EvidenceRules.Check(upload.FileName, buffer.Length, buffer);
                var stored = await files.SaveAsync(buffer, EvidenceRules.MaxBytes, cancellationToken);
                db.Add(new AuditEvidenceFile { AuditId = id, AnswerId = answer, FileName = fileName, ContentType = contentType, Size = stored.Size, ContentKey = stored.Key });
            }

            await db.SaveChangesAsync(cancellationToken);
            TempData["Message"] = $"Đã ghi kết quả câu hỏi {target.Order}.";
            return Redirect($"/{Slug}/danh-gia/cuoc-danh-gia/{id}#cau-{answer}");
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, cancellationToken);
            ModelState.AddModelError(Shows("Answer") ? AnswerKey(answer, e.Field ?? "Result") : "", e.Message);
            Refused = new AnswerInput(answer, result, evidence);
            return Page();
        }
    }

    private async Task<IActionResult> ActAsync(int id, string form, Func<Audit, AuditPerson, Task<string>> act, CancellationToken cancellationToken)
    {
        if (!await desk.CanAuditAsync())
        {
            return Forbid();
        }

        var audit = await db.Set<Audit>().Include(a => a.Answers).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (audit is null)
        {
            return NotFound();
        }

        try
        {
            var done = await act(audit, await desk.ActorAsync());
            await db.SaveChangesAsync(cancellationToken);
            TempData["Message"] = done;
            return Redirect($"/{Slug}/danh-gia/cuoc-danh-gia/{id}");
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, cancellationToken);
            ModelState.AddModelError(!Shows(form) ? "" : e.Field is null ? form : $"{form}.{e.Field}", e.Message);
            return Page();
        }
    }

    /// <summary>Whether the page shows this form to the user; a refusal of a form that is not shown goes to the top of the page.</summary>
    private bool Shows(string form) => form switch
    {
        nameof(Open) => Head.Status == AuditStatus.Planned && IsAuditor,
        nameof(Sign) => Head.Status == AuditStatus.InProgress && IsLead,
        nameof(Cancel) => CanAudit && Head.Status is AuditStatus.Planned or AuditStatus.InProgress,
        _ => Head.Status == AuditStatus.InProgress && IsAuditor,
    };

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var header = await db.Set<Audit>().AsNoTracking().Where(a => a.Id == id)
            .Select(a => new Header(a.Id, a.Year, a.Month, a.Title, a.Status, a.ScopeDocuments, a.ScopeTthc, a.ScopeClauses, a.LeadAuditorId, a.LeadAuditorName,
                a.Team, a.OpeningMeetingOn, a.ClosingMeetingOn, a.Participants, a.Conclusion, a.ReportSignedByName, a.ReportSignedAt))
            .FirstOrDefaultAsync(cancellationToken);
        if (header is null)
        {
            return false;
        }

        Head = header;
        Today = desk.Today;
        CanAudit = await desk.CanAuditAsync();
        var userId = desk.UserId;
        IsLead = CanAudit && header.LeadAuditorId == userId;
        IsAuditor = CanAudit && (IsLead || header.TeamMembers.Any(p => p.UserId == userId));
        Answers = await db.Set<AuditAnswer>().AsNoTracking().Where(a => a.AuditId == id).OrderBy(a => a.Order)
            .Select(a => new AnswerRow(a.Id, a.Order, a.Clause, a.Question, a.Result, a.Evidence)).ToListAsync(cancellationToken);
        Files = (await db.Set<AuditEvidenceFile>().AsNoTracking().Where(f => f.AuditId == id).OrderBy(f => f.Id)
            .Select(f => new FileRow(f.Id, f.AnswerId, f.FileName, f.Size)).ToListAsync(cancellationToken)).ToLookup(f => f.AnswerId);
        Findings = (await ReportReads.FindingsAsync(db, id, cancellationToken)).ToLookup(f => f.AnswerId);
        (DocumentTitles, TthcTitles) = await scopes.TitlesAsync(header.Documents, header.Tthc, cancellationToken);
        return true;
    }

    public sealed class OpenInput
    {
        [Display(Name = "Ngày họp khai mạc")]
        public DateOnly? OpeningMeetingOn { get; set; }

        [Display(Name = "Thành phần tham dự")]
        public string? Participants { get; set; }
    }

    public sealed class SignInput
    {
        [Display(Name = "Ngày họp kết thúc")]
        public DateOnly? ClosingMeetingOn { get; set; }

        [Display(Name = "Kết luận đánh giá")]
        public string? Conclusion { get; set; }
    }

    public sealed class CancelInput
    {
        [Display(Name = "Lý do hủy")]
        public string? Reason { get; set; }
    }

    public sealed record AnswerInput(int AnswerId, AnswerResult? Result, string? Evidence);

    public sealed record Header(int Id, int Year, int Month, string Title, AuditStatus Status, string ScopeDocuments, string ScopeTthc, string ScopeClauses,
        string LeadAuditorId, string LeadAuditorName, string Team, DateOnly? OpeningMeetingOn, DateOnly? ClosingMeetingOn, string? Participants, string? Conclusion,
        string? ReportSignedByName, DateTimeOffset? ReportSignedAt)
    {
        public IReadOnlyList<string> Documents => ScopeDocuments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        public IReadOnlyList<string> Tthc => ScopeTthc.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        public IReadOnlyList<string> Clauses => ScopeClauses.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        /// <summary>As <see cref="Audits.Audit.TeamMembers"/>: "id|name" lines.</summary>
        public IReadOnlyList<AuditPerson> TeamMembers => Team.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('|', 2)).Select(p => new AuditPerson(p[0], p.Length > 1 ? p[1] : p[0], null)).ToList();

        public DateOnly DueDate => new DateOnly(Year, Month, 1).AddMonths(1).AddDays(-1);
    }

    public sealed record AnswerRow(int Id, int Order, string Clause, string Question, AnswerResult Result, string? Evidence);

    public sealed record FileRow(int Id, int AnswerId, string FileName, long Size);
}

/// <summary>Reads the audit page and its printed report share.</summary>
internal static class ReportReads
{
    public static async Task<IReadOnlyList<FindingRow>> FindingsAsync(QmsDbContext db, int auditId, CancellationToken cancellationToken) =>
        await db.Set<Finding>().AsNoTracking().Where(f => f.AuditId == auditId).OrderBy(f => f.Id)
            .Select(f => new FindingRow(f.Id, f.Reference, f.Grade, f.Clause, f.Description, f.AuditAnswerId, f.Status)).ToListAsync(cancellationToken);
}

public sealed record FindingRow(int Id, string Reference, FindingGrade Grade, string Clause, string Description, int? AnswerId, FindingStatus Status);
