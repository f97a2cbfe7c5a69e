using QmsPortal.Web.Data;

namespace QmsPortal.Web.Features.Audits;

public enum ReviewStatus
{
    Draft,

    /// <summary>The chair closed the minutes: the review is held and its record is final.</summary>
    Closed,
}

/// <summary>
/// A management review (ISO 9001 9.3), chaired by an Approver: the inputs of 9.3.2 are gathered by the system for the
/// period and kept as they were at the meeting (<see cref="InputsSnapshot"/>); the outputs are decisions and actions
/// with owners and due dates, and resource needs. Closing the minutes makes the record final.
/// </summary>
public sealed class ManagementReview : ITenantOwned, IStamped
{
    public const int TextMaxLength = 8000;

    private ManagementReview()
    {
    }

    public int Id { get; private set; }
    public int TenantId { get; set; }
    public DateOnly HeldOn { get; private set; }
    public DateOnly PeriodFrom { get; private set; }
    public DateOnly PeriodTo { get; private set; }
    public string ChairId { get; private set; } = "";
    public string ChairName { get; private set; } = "";
    public string? ChairTitle { get; private set; }
    public string? Participants { get; private set; }

    /// <summary>The gathered inputs as shown at the meeting (JSON written by the review page), so the minutes never change afterwards.</summary>
    public string InputsSnapshot { get; private set; } = "";

    /// <summary>Risks and opportunities and the effect of the actions taken on them (9.3.2 e), written at the meeting.</summary>
    public string? Risks { get; private set; }

    public string? Discussion { get; private set; }
    public string? ImprovementOpportunities { get; private set; }
    public string? QmsChanges { get; private set; }
    public string? ResourceNeeds { get; private set; }
    public ReviewStatus Status { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public List<ReviewAction> Actions { get; } = [];

    /// <summary>Opens the record of a meeting; <paramref name="chairIsApprover"/> says the chair holds the Approver role in the commune.</summary>
    public static ManagementReview Open(DateOnly heldOn, DateOnly periodFrom, DateOnly periodTo, AuditPerson? chair, bool chairIsApprover, string? participants, string inputsSnapshot)
    {
        if (chair is null)
        {
            throw new DomainException("Cuộc xem xét của lãnh đạo phải có người chủ trì.", "ChairId");
        }

        if (!chairIsApprover)
        {
            throw new DomainException("Người chủ trì phải là lãnh đạo có vai trò phê duyệt của xã (Chủ tịch hoặc Phó Chủ tịch).", "ChairId");
        }

        if (periodFrom > periodTo)
        {
            throw new DomainException("Ngày bắt đầu kỳ xem xét phải trước ngày kết thúc.", "PeriodFrom");
        }

        if (heldOn < periodTo)
        {
            throw new DomainException("Cuộc họp xem xét diễn ra sau khi kỳ được xem xét kết thúc.", "HeldOn");
        }

        return new ManagementReview
        {
            HeldOn = heldOn, PeriodFrom = periodFrom, PeriodTo = periodTo,
            ChairId = chair.UserId, ChairName = chair.Name, ChairTitle = chair.JobTitle,
            Participants = AuditText.Optional(participants, TextMaxLength, "Participants", "thành phần tham dự"),
            InputsSnapshot = inputsSnapshot,
        };
    }

    /// <summary>What the meeting said: the risks discussed (an input typed at the meeting) and the outputs of 9.3.3.</summary>
    public void RecordOutputs(string? risks, string? discussion, string? improvements, string? qmsChanges, string? resources)
    {
        RequireDraft();
        Risks = AuditText.Optional(risks, TextMaxLength, "Risks", "rủi ro và cơ hội");
        Discussion = AuditText.Optional(discussion, TextMaxLength, "Discussion", "nội dung thảo luận");
        ImprovementOpportunities = AuditText.Optional(improvements, TextMaxLength, "ImprovementOpportunities", "cơ hội cải tiến");
        QmsChanges = AuditText.Optional(qmsChanges, TextMaxLength, "QmsChanges", "thay đổi cần thiết đối với hệ thống");
        ResourceNeeds = AuditText.Optional(resources, TextMaxLength, "ResourceNeeds", "nhu cầu nguồn lực");
    }

    public ReviewAction Decide(string? text, AuditPerson owner, DateOnly dueDate)
    {
        RequireDraft();
        if (dueDate < HeldOn)
        {
            throw new DomainException("Hạn thực hiện không được trước ngày họp.", "DueDate");
        }

        var action = new ReviewAction(AuditText.Required(text, ReviewAction.TextMaxLength, "Text", "nội dung quyết định"), owner, dueDate);
        Actions.Add(action);
        return action;
    }

    /// <summary>The chair closes the minutes: final afterwards, and the review counts as held for the ISO status.</summary>
    public void Close(AuditPerson by, DateTimeOffset at)
    {
        RequireDraft();
        if (by.UserId != ChairId)
        {
            throw new DomainException("Chỉ người chủ trì ký kết thúc biên bản xem xét.");
        }

        if (Discussion is null)
        {
            throw new DomainException("Ghi nội dung thảo luận và kết luận của cuộc họp trước khi kết thúc biên bản.", "Discussion");
        }

        Status = ReviewStatus.Closed;
        ClosedAt = at;
    }

    /// <summary>
    /// The head confirms the system effective on the strength of this review: only once its minutes are closed, on or
    /// after the meeting, by an Approver (the chair or another one).
    /// </summary>
    public EffectivenessConfirmation ConfirmEffectiveness(DateOnly on, AuditPerson approver, bool isApprover, string? statement, DateOnly today, DateTimeOffset at)
    {
        if (Status != ReviewStatus.Closed)
        {
            throw new DomainException("Xác nhận hiệu lực sau khi người chủ trì kết thúc biên bản xem xét.");
        }

        if (on < HeldOn || on > today)
        {
            throw new DomainException($"Ngày xác nhận từ ngày họp ({Text.VietnameseFormat.Date(HeldOn)}) đến hôm nay.", "ConfirmedOn");
        }

        return EffectivenessConfirmation.Record(on, approver, isApprover, statement, Id, at);
    }

    private void RequireDraft()
    {
        if (Status == ReviewStatus.Closed)
        {
            throw new DomainException("Biên bản đã kết thúc: không sửa được nữa.");
        }
    }
}

/// <summary>A decision of a management review: what, who, by when; marked done later.</summary>
public sealed class ReviewAction : ITenantOwned
{
    public const int TextMaxLength = 1000;

    private ReviewAction()
    {
    }

    internal ReviewAction(string text, AuditPerson owner, DateOnly dueDate)
    {
        Text = text;
        OwnerId = owner.UserId;
        OwnerName = owner.Name;
        DueDate = dueDate;
    }

    public int Id { get; private set; }
    public int TenantId { get; set; }
    public int ReviewId { get; private set; }
    public string Text { get; private set; } = "";
    public string OwnerId { get; private set; } = "";
    public string OwnerName { get; private set; } = "";
    public DateOnly DueDate { get; private set; }
    public DateOnly? DoneOn { get; private set; }
    public string? DoneNote { get; private set; }

    public void MarkDone(DateOnly on, string? note)
    {
        if (DoneOn is not null)
        {
            throw new DomainException("Quyết định này đã được ghi nhận hoàn thành.");
        }

        DoneOn = on;
        DoneNote = AuditText.Optional(note, TextMaxLength, "Note", "ghi chú");
    }
}

/// <summary>
/// The head of the commune confirms the quality system is effective (step 2 of Quyết định 19/2014/QĐ-TTg), recorded by
/// an Approver; dated, signed by name, never changed.
/// </summary>
public sealed class EffectivenessConfirmation : ITenantOwned, IAppendOnly
{
    private EffectivenessConfirmation()
    {
    }

    public int Id { get; private set; }
    public int TenantId { get; set; }
    public DateOnly ConfirmedOn { get; private set; }
    public string ApproverId { get; private set; } = "";
    public string ApproverName { get; private set; } = "";
    public string? ApproverTitle { get; private set; }
    public string Statement { get; private set; } = "";
    public int? ReviewId { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    public static EffectivenessConfirmation Record(DateOnly on, AuditPerson approver, bool isApprover, string? statement, int? reviewId, DateTimeOffset at)
    {
        if (!isApprover)
        {
            throw new DomainException("Chỉ lãnh đạo có vai trò phê duyệt xác nhận hiệu lực của hệ thống.");
        }

        return new EffectivenessConfirmation
        {
            ConfirmedOn = on, ApproverId = approver.UserId, ApproverName = approver.Name, ApproverTitle = approver.JobTitle,
            Statement = AuditText.Required(statement, 2000, "Statement", "nội dung xác nhận"), ReviewId = reviewId, RecordedAt = at,
        };
    }
}
