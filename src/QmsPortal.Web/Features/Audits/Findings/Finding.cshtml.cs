using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Audits.Findings;

/// <summary>
/// One finding: what it is, where it came from (audit, citizen's report, inspection), and its corrective actions — planned,
/// reported done, checked for effectiveness, reopened — each with its full history; then closing the finding. Every
/// action form carries the version it was drawn from, so a form gone stale is refused with a message, never applied.
/// </summary>
[Authorize(Policy = CommunePolicies.Reader)]
public sealed class FindingModel(QmsDbContext db, AuditDesk desk, FindingLookup lookup) : PageModel
{
    public const int DefaultCheckAfterDays = 30;

    public const string StaleMessage =
        "Hành động khắc phục này vừa được người khác cập nhật sau khi bạn mở trang: thao tác của bạn chưa được ghi. Trang đã hiện tình trạng mới nhất, hãy xem lại rồi làm lại.";

    [BindProperty]
    public PlanInput Plan { get; set; } = new();

    [BindProperty]
    public ProgressInput Progress { get; set; } = new();

    [BindProperty]
    public CheckInput Check { get; set; } = new();

    [BindProperty]
    public RescheduleInput Reschedule { get; set; } = new();

    [BindProperty]
    public CloseInput Close { get; set; } = new();

    public Header F { get; private set; } = null!;
    public string? AuditTitle { get; private set; }
    public string? AnswerText { get; private set; }
    public CitizenReport? Report { get; private set; }
    public string? InspectionText { get; private set; }
    public IReadOnlyList<ActionView> Actions { get; private set; } = [];
    public IReadOnlyList<AuditPerson> Members { get; private set; } = [];
    public FindingRights Rights { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    /// <summary>The action whose form was posted: its messages are shown beside its own fields.</summary>
    public int? PostedActionId { get; private set; }

    public string Slug => desk.Slug;

    public sealed record Header(int Id, string Reference, FindingGrade Grade, string Clause, FindingSubject SubjectKind, string Subject, string Description,
        FindingSource Source, int? AuditId, int? AuditAnswerId, int? FeedbackId, int? InspectionId, string RaisedByName, DateOnly RaisedOn, FindingStatus Status,
        DateOnly? ClosedOn, string? ClosedByName, string? ClosingNote)
    {
        public bool IsNonconformity => Grade is FindingGrade.MajorNonconformity or FindingGrade.MinorNonconformity;
    }

    public sealed record ActionView(int Id, string Correction, string RootCause, string Action, string OwnerId, string OwnerName, DateOnly DueDate, string SuccessCriteria,
        int CheckAfterDays, CorrectiveActionStatus Status, DateOnly? CompletedOn, string? CompletionEvidence, DateOnly? CheckDueDate, DateOnly? CheckedOn,
        string? CheckedByName, string? CheckNote, int Version, IReadOnlyList<EventView> History)
    {
        public bool IsOverdue(DateOnly today) => Status == CorrectiveActionStatus.Open && DueDate < today;
    }

    public sealed record EventView(CorrectiveActionChange Change, string ActorName, DateTimeOffset At, string? Note, bool First);

    public sealed class PlanInput
    {
        public string? Correction { get; set; }
        public string? Why1 { get; set; }
        public string? Why2 { get; set; }
        public string? Why3 { get; set; }
        public string? Why4 { get; set; }
        public string? Why5 { get; set; }
        public string? RootCause { get; set; }
        public string? Action { get; set; }
        public string? OwnerId { get; set; }
        public DateOnly? DueDate { get; set; }
        public string? SuccessCriteria { get; set; }
        public int? CheckAfterDays { get; set; } = DefaultCheckAfterDays;

        /// <summary>The answered "Tại sao?" lines, numbered, then the free text (the root cause found by asking them, or written alone).</summary>
        public string RootCauseText()
        {
            var lines = new[] { Why1, Why2, Why3, Why4, Why5 }.Select(w => w?.Trim()).Where(w => !string.IsNullOrEmpty(w))
                .Select((w, i) => $"{i + 1}. Tại sao? {w}").ToList();
            if (!string.IsNullOrWhiteSpace(RootCause))
            {
                lines.Add(lines.Count > 0 ? "Nguyên nhân gốc: " + RootCause.Trim() : RootCause.Trim());
            }

            return string.Join('\n', lines);
        }
    }

    public sealed class ProgressInput
    {
        public int ActionId { get; set; }
        public int Version { get; set; }
        public string? Evidence { get; set; }
    }

    public sealed class CheckInput
    {
        public int ActionId { get; set; }
        public int Version { get; set; }
        public bool? Effective { get; set; }
        public string? Note { get; set; }
        public DateOnly? NewDueDate { get; set; }
    }

    public sealed class RescheduleInput
    {
        public int ActionId { get; set; }
        public int Version { get; set; }
        public DateOnly? DueDate { get; set; }
    }

    public sealed class CloseInput
    {
        public string? Note { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPlanAsync(int id, CancellationToken cancellationToken)
    {
        if (!(await desk.RightsAsync()).Manage)
        {
            return Forbid();
        }

        var finding = await db.Set<Finding>().FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (finding is null)
        {
            return NotFound();
        }

        try
        {
            var owner = (await desk.MembersAsync(cancellationToken)).FirstOrDefault(m => m.UserId == Plan.OwnerId)
                ?? throw new DomainException("Chọn người thực hiện trong số thành viên của xã.", nameof(PlanInput.OwnerId));
            var due = Plan.DueDate ?? throw new DomainException("Chọn hạn hoàn thành.", nameof(PlanInput.DueDate));
            var days = Plan.CheckAfterDays ?? throw new DomainException("Nhập số ngày chờ trước khi kiểm tra hiệu lực (0–365).", nameof(PlanInput.CheckAfterDays));
            var action = CorrectiveAction.Plan(finding, Plan.Correction, Plan.RootCauseText(), Plan.Action, owner, due, Plan.SuccessCriteria, days,
                await desk.ActorAsync(), desk.Today, desk.Now);
            db.Add(action);
            await db.SaveChangesAsync(cancellationToken);
            TempData["Message"] = $"Đã lập kế hoạch hành động khắc phục, giao {owner.Name}.";
            return Redirect($"/{Slug}/danh-gia/phat-hien/{id}#hanh-dong-{action.Id}");
        }
        catch (DomainException e)
        {
            Fail(nameof(Plan), e, nameof(PlanInput.Correction), nameof(PlanInput.RootCause), nameof(PlanInput.Action), nameof(PlanInput.OwnerId),
                nameof(PlanInput.DueDate), nameof(PlanInput.SuccessCriteria), nameof(PlanInput.CheckAfterDays));
        }

        return await ReloadAsync(id, cancellationToken);
    }

    public Task<IActionResult> OnPostCompleteAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, nameof(Progress), Progress.ActionId, Progress.Version, (rights, action) => rights.Complete(action.OwnerId), async action =>
        {
            action.Complete(Progress.Evidence, desk.Today, await desk.ActorAsync(), desk.Now);
            return "Đã ghi nhận hành động khắc phục đã thực hiện; chờ kiểm tra hiệu lực.";
        }, cancellationToken, nameof(ProgressInput.Evidence));

    /// <summary>"Not effective" reopens the action: the new due date is asked in the same form, so the reopening and the date are saved together.</summary>
    public Task<IActionResult> OnPostCheckAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, nameof(Check), Check.ActionId, Check.Version, (rights, _) => rights.Check, async action =>
        {
            var effective = Check.Effective ?? throw new DomainException("Chọn kết quả kiểm tra: có hiệu lực hoặc không có hiệu lực.", nameof(CheckInput.Effective));
            var newDue = effective ? (DateOnly?)null
                : Check.NewDueDate ?? throw new DomainException("Hành động không có hiệu lực sẽ được mở lại: chọn hạn hoàn thành mới.", nameof(CheckInput.NewDueDate));
            var actor = await desk.ActorAsync();
            action.CheckEffectiveness(effective, Check.Note, desk.Today, actor, desk.Now);
            if (newDue is { } due)
            {
                try
                {
                    action.Reschedule(due, desk.Today, actor, desk.Now);
                }
                catch (DomainException e)
                {
                    throw new DomainException(e.Message, nameof(CheckInput.NewDueDate));
                }
            }

            return effective
                ? "Đã ghi nhận hành động khắc phục có hiệu lực."
                : $"Hành động không có hiệu lực: đã mở lại với hạn mới {Text.VietnameseFormat.Date(newDue!.Value)}.";
        }, cancellationToken, nameof(CheckInput.Effective), nameof(CheckInput.Note), nameof(CheckInput.NewDueDate));

    public Task<IActionResult> OnPostRescheduleAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, nameof(Reschedule), Reschedule.ActionId, Reschedule.Version, (rights, _) => rights.Manage, async action =>
        {
            var due = Reschedule.DueDate ?? throw new DomainException("Chọn hạn hoàn thành mới.", nameof(RescheduleInput.DueDate));
            action.Reschedule(due, desk.Today, await desk.ActorAsync(), desk.Now);
            return $"Đã đặt hạn hoàn thành mới {Text.VietnameseFormat.Date(due)}.";
        }, cancellationToken, nameof(RescheduleInput.DueDate));

    public async Task<IActionResult> OnPostCloseAsync(int id, CancellationToken cancellationToken)
    {
        if (!(await desk.RightsAsync()).Manage)
        {
            return Forbid();
        }

        var finding = await db.Set<Finding>().FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (finding is null)
        {
            return NotFound();
        }

        try
        {
            var actions = await db.Set<CorrectiveAction>().AsNoTracking().Where(a => a.FindingId == id).ToListAsync(cancellationToken);
            finding.Close(actions, Close.Note, await desk.ActorAsync(), desk.Today);
            await db.SaveChangesAsync(cancellationToken);
            TempData["Message"] = $"Đã đóng phát hiện {finding.Reference}.";
            return Redirect($"/{Slug}/danh-gia/phat-hien/{id}");
        }
        catch (DomainException e)
        {
            Fail(nameof(Close), e, nameof(CloseInput.Note));
        }

        return await ReloadAsync(id, cancellationToken);
    }

    /// <summary>
    /// One step on one action of this finding: the action must belong to the finding (another's id is a 404), the user
    /// must be allowed, and the form must show the version being changed; the entity decides the rest.
    /// </summary>
    private async Task<IActionResult> ActAsync(int id, string form, int actionId, int version, Func<FindingRights, CorrectiveAction, bool> allowed,
        Func<CorrectiveAction, Task<string>> step, CancellationToken cancellationToken, params string[] fields)
    {
        var action = await db.Set<CorrectiveAction>().FirstOrDefaultAsync(a => a.Id == actionId && a.FindingId == id, cancellationToken);
        if (action is null)
        {
            return NotFound();
        }

        if (!allowed(await desk.RightsAsync(), action))
        {
            return Forbid();
        }

        PostedActionId = actionId;
        if (action.Version != version)
        {
            ModelState.AddModelError(form, StaleMessage);
            return await ReloadAsync(id, cancellationToken);
        }

        try
        {
            var message = await step(action);
            await db.SaveChangesAsync(cancellationToken);
            TempData["Message"] = message;
            return Redirect($"/{Slug}/danh-gia/phat-hien/{id}#hanh-dong-{actionId}");
        }
        catch (DomainException e)
        {
            Fail(form, e, fields);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved the same action between our read and our write: the version in the WHERE clause caught it.
            ModelState.AddModelError(form, StaleMessage);
        }

        db.ChangeTracker.Clear();
        return await ReloadAsync(id, cancellationToken);
    }

    /// <summary>The message goes beside the field the rule names, or at the top of the form.</summary>
    private void Fail(string form, DomainException e, params string[] fields) =>
        ModelState.AddModelError(e.Field is { } field && fields.Contains(field) ? $"{form}.{field}" : form, e.Message);

    private async Task<IActionResult> ReloadAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var header = await db.Set<Finding>().AsNoTracking().Where(f => f.Id == id)
            .Select(f => new Header(f.Id, f.Reference, f.Grade, f.Clause, f.SubjectKind, f.Subject, f.Description, f.Source, f.AuditId, f.AuditAnswerId, f.FeedbackId,
                f.InspectionId, f.RaisedByName, f.RaisedOn, f.Status, f.ClosedOn, f.ClosedByName, f.ClosingNote))
            .FirstOrDefaultAsync(cancellationToken);
        if (header is null)
        {
            return false;
        }

        F = header;
        Today = desk.Today;
        Rights = await desk.RightsAsync();
        if (header.AuditId is { } auditId)
        {
            AuditTitle = await db.Set<Audit>().AsNoTracking().Where(a => a.Id == auditId).Select(a => a.Title).FirstOrDefaultAsync(cancellationToken);
            AnswerText = header.AuditAnswerId is { } answerId
                ? await db.Set<AuditAnswer>().AsNoTracking().Where(a => a.Id == answerId).Select(a => a.Clause + ": " + a.Question).FirstOrDefaultAsync(cancellationToken)
                : null;
        }

        if (header.FeedbackId is { } feedbackId)
        {
            Report = await lookup.ReportAsync(feedbackId, cancellationToken);
        }

        if (header.InspectionId is { } inspectionId)
        {
            var inspection = await db.Set<ProvinceInspection>().AsNoTracking().Where(i => i.Id == inspectionId)
                .Select(i => new { i.Unit, i.MinutesDate }).FirstOrDefaultAsync(cancellationToken);
            InspectionText = inspection is null ? null : $"{inspection.Unit}, biên bản ngày {Text.VietnameseFormat.Date(inspection.MinutesDate)}";
        }

        var actions = await db.Set<CorrectiveAction>().AsNoTracking().Where(a => a.FindingId == id).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var actionIds = actions.Select(a => a.Id).ToList();
        var events = await db.Set<CorrectiveActionEvent>().AsNoTracking().Where(e => actionIds.Contains(e.CorrectiveActionId)).OrderBy(e => e.Id)
            .ToListAsync(cancellationToken);
        Actions = actions.Select(a => new ActionView(a.Id, a.Correction, a.RootCause, a.Action, a.OwnerId, a.OwnerName, a.DueDate, a.SuccessCriteria, a.CheckAfterDays,
                a.Status, a.CompletedOn, a.CompletionEvidence, a.CheckDueDate, a.CheckedOn, a.CheckedByName, a.CheckNote, a.Version,
                events.Where(e => e.CorrectiveActionId == a.Id).Select((e, i) => new EventView(e.Change, e.ActorName, e.At, e.Note, i == 0)).ToList()))
            .ToList();
        if (Rights.Manage && header.IsNonconformity && header.Status == FindingStatus.Open)
        {
            Members = await desk.MembersAsync(cancellationToken);
        }

        return true;
    }
}
