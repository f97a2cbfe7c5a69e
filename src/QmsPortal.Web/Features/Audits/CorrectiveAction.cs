using QmsPortal.Web.Data;

namespace QmsPortal.Web.Features.Audits;

public enum CorrectiveActionStatus
{
    /// <summary>Planned or reopened: the owner is working on it.</summary>
    Open,

    /// <summary>The owner reported it done with evidence; waiting for the effectiveness check.</summary>
    Done,

    Effective,
}

public enum CorrectiveActionChange
{
    Planned,
    Completed,
    CheckedEffective,
    CheckedNotEffective,
}

/// <summary>
/// A corrective action for a nonconformity (ISO 9001 10.2): the correction (containment), the root cause, the action,
/// its owner and due date; then the evidence that it was done; then, after a set time, a check against the stated
/// success criteria. "Not effective" reopens it (the history keeps every step).
/// </summary>
public sealed class CorrectiveAction : ITenantOwned, IStamped
{
    public const int TextMaxLength = 4000;

    private CorrectiveAction()
    {
    }

    public int Id { get; private set; }
    public int TenantId { get; set; }
    public int FindingId { get; private set; }
    public string Correction { get; private set; } = "";
    public string RootCause { get; private set; } = "";
    public string Action { get; private set; } = "";
    public string OwnerId { get; private set; } = "";
    public string OwnerName { get; private set; } = "";
    public DateOnly DueDate { get; private set; }
    public string SuccessCriteria { get; private set; } = "";

    /// <summary>How long after completion the effectiveness is checked.</summary>
    public int CheckAfterDays { get; private set; }

    public CorrectiveActionStatus Status { get; private set; }
    public DateOnly? CompletedOn { get; private set; }
    public string? CompletionEvidence { get; private set; }

    /// <summary>When the effectiveness check is due (completion + <see cref="CheckAfterDays"/>); null until done.</summary>
    public DateOnly? CheckDueDate { get; private set; }

    public DateOnly? CheckedOn { get; private set; }
    public string? CheckedByName { get; private set; }
    public string? CheckNote { get; private set; }
    public int Version { get; private set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public List<CorrectiveActionEvent> Events { get; } = [];

    public bool IsOverdue(DateOnly today) => Status == CorrectiveActionStatus.Open && DueDate < today;

    public static CorrectiveAction Plan(Finding finding, string? correction, string? rootCause, string? action, AuditPerson owner, DateOnly dueDate,
        string? successCriteria, int checkAfterDays, AuditPerson by, DateOnly today, DateTimeOffset at)
    {
        if (!finding.IsNonconformity)
        {
            throw new DomainException("Hành động khắc phục dành cho điểm không phù hợp (nặng hoặc nhẹ).");
        }

        if (finding.Status == FindingStatus.Closed)
        {
            throw new DomainException("Phát hiện đã đóng: không thêm hành động khắc phục.");
        }

        if (dueDate < today)
        {
            throw new DomainException("Hạn hoàn thành không được ở trong quá khứ.", "DueDate");
        }

        if (checkAfterDays is < 0 or > 365)
        {
            throw new DomainException("Thời gian chờ trước khi kiểm tra hiệu lực từ 0 đến 365 ngày.", "CheckAfterDays");
        }

        var ca = new CorrectiveAction
        {
            FindingId = finding.Id,
            Correction = AuditText.Required(correction, TextMaxLength, "Correction", "biện pháp khắc phục tức thời (khoanh vùng)"),
            RootCause = AuditText.Required(rootCause, TextMaxLength, "RootCause", "nguyên nhân gốc"),
            Action = AuditText.Required(action, TextMaxLength, "Action", "hành động khắc phục"),
            OwnerId = owner.UserId,
            OwnerName = owner.Name,
            DueDate = dueDate,
            SuccessCriteria = AuditText.Required(successCriteria, TextMaxLength, "SuccessCriteria", "tiêu chí đánh giá hiệu lực"),
            CheckAfterDays = checkAfterDays,
        };
        ca.Record(CorrectiveActionChange.Planned, by, at, null);
        return ca;
    }

    public void Complete(string? evidence, DateOnly on, AuditPerson by, DateTimeOffset at)
    {
        if (Status != CorrectiveActionStatus.Open)
        {
            throw new DomainException(Status == CorrectiveActionStatus.Effective
                ? "Hành động đã được kiểm tra có hiệu lực."
                : "Hành động đã báo hoàn thành, đang chờ kiểm tra hiệu lực.");
        }

        CompletionEvidence = AuditText.Required(evidence, TextMaxLength, "Evidence", "bằng chứng đã thực hiện");
        CompletedOn = on;
        CheckDueDate = on.AddDays(CheckAfterDays);
        Status = CorrectiveActionStatus.Done;
        Record(CorrectiveActionChange.Completed, by, at, CompletionEvidence);
    }

    /// <summary>The check against <see cref="SuccessCriteria"/>: only after the action is done and its check is due; "not effective" reopens it.</summary>
    public void CheckEffectiveness(bool effective, string? note, DateOnly on, AuditPerson by, DateTimeOffset at)
    {
        if (Status != CorrectiveActionStatus.Done)
        {
            throw new DomainException(Status == CorrectiveActionStatus.Effective
                ? "Hành động đã được kiểm tra có hiệu lực."
                : "Chưa kiểm tra hiệu lực được: hành động chưa được báo hoàn thành.");
        }

        if (on < CheckDueDate)
        {
            throw new DomainException($"Chưa đến hạn kiểm tra hiệu lực (từ ngày {Text.VietnameseFormat.Date(CheckDueDate!.Value)}).", "CheckedOn");
        }

        if (by.UserId == OwnerId)
        {
            throw new DomainException("Người thực hiện hành động không tự kiểm tra hiệu lực của nó.");
        }

        CheckNote = AuditText.Required(note, TextMaxLength, "Note", "nhận xét so với tiêu chí");
        CheckedOn = on;
        CheckedByName = by.Name;
        if (effective)
        {
            Status = CorrectiveActionStatus.Effective;
            Record(CorrectiveActionChange.CheckedEffective, by, at, CheckNote);
        }
        else
        {
            Status = CorrectiveActionStatus.Open;
            CompletedOn = null;
            CheckDueDate = null;
            Record(CorrectiveActionChange.CheckedNotEffective, by, at, CheckNote);
        }
    }

    /// <summary>A reopened action gets a new due date.</summary>
    public void Reschedule(DateOnly dueDate, DateOnly today, AuditPerson by, DateTimeOffset at)
    {
        if (Status != CorrectiveActionStatus.Open || dueDate < today)
        {
            throw new DomainException("Chỉ đặt lại hạn cho hành động đang mở, và hạn mới không ở trong quá khứ.", "DueDate");
        }

        DueDate = dueDate;
        Record(CorrectiveActionChange.Planned, by, at, $"Hạn mới {Text.VietnameseFormat.Date(dueDate)}");
    }

    private void Record(CorrectiveActionChange change, AuditPerson by, DateTimeOffset at, string? note)
    {
        Events.Add(new CorrectiveActionEvent(change, by, at, note));
        Version++;
    }
}

/// <summary>One step of a corrective action's history. Append-only.</summary>
public sealed class CorrectiveActionEvent : ITenantOwned, IAppendOnly
{
    private CorrectiveActionEvent()
    {
    }

    internal CorrectiveActionEvent(CorrectiveActionChange change, AuditPerson by, DateTimeOffset at, string? note)
    {
        Change = change;
        ActorId = by.UserId;
        ActorName = by.Name;
        At = at;
        Note = note;
    }

    public long Id { get; private set; }
    public int TenantId { get; set; }
    public int CorrectiveActionId { get; private set; }
    public CorrectiveActionChange Change { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    public string? Note { get; private set; }
}
