using QmsPortal.Web.Data;

namespace QmsPortal.Web.Features.Audits;

public enum FindingGrade
{
    MajorNonconformity,
    MinorNonconformity,
    Observation,
    Opportunity,
}

public enum FindingSource
{
    Audit,
    CitizenReport,
    Inspection,
    Direct,
}

/// <summary>What a finding is about.</summary>
public enum FindingSubject
{
    Process,
    Tthc,
    Document,
    Other,
}

public enum FindingStatus
{
    Open,
    Closed,
}

/// <summary>
/// A finding (ISO 9001 10.2): graded, tied to a clause and to what it is about, raised from an audit, a citizen's
/// report, a province inspection or directly. A nonconformity is closed only when one of its corrective actions was
/// checked effective; an observation or opportunity is closed with a note.
/// </summary>
public sealed class Finding : ITenantOwned, IStamped
{
    public const int DescriptionMaxLength = 4000;
    public const int SubjectMaxLength = 200;

    private Finding()
    {
    }

    public int Id { get; private set; }
    public int TenantId { get; set; }

    /// <summary>"PH-2026-001": numbered per commune and year.</summary>
    public string Reference { get; private set; } = "";

    public FindingGrade Grade { get; private set; }
    public string Clause { get; private set; } = "";
    public FindingSubject SubjectKind { get; private set; }

    /// <summary>The document code, TTHC code or process name it is about.</summary>
    public string Subject { get; private set; } = "";

    public string Description { get; private set; } = "";
    public FindingSource Source { get; private set; }
    public int? AuditId { get; private set; }
    public int? AuditAnswerId { get; private set; }
    public int? FeedbackId { get; private set; }
    public int? InspectionId { get; private set; }
    public string RaisedById { get; private set; } = "";
    public string RaisedByName { get; private set; } = "";
    public DateOnly RaisedOn { get; private set; }
    public FindingStatus Status { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    public string? ClosedByName { get; private set; }
    public string? ClosingNote { get; private set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public bool IsNonconformity => Grade is FindingGrade.MajorNonconformity or FindingGrade.MinorNonconformity;

    public static string ReferencePrefix(int year) => $"PH-{year}";

    public static Finding Raise(string reference, FindingGrade grade, string? clause, FindingSubject subjectKind, string? subject, string? description,
        FindingOrigin origin, AuditPerson by, DateOnly on) => new()
    {
        Reference = reference,
        Grade = grade,
        Clause = IsoClauses.Check(clause, "Clause"),
        SubjectKind = subjectKind,
        Subject = AuditText.Required(subject, SubjectMaxLength, "Subject", "đối tượng của phát hiện (quy trình, mã TTHC hoặc tài liệu)"),
        Description = AuditText.Required(description, DescriptionMaxLength, "Description", "mô tả phát hiện"),
        Source = origin.Source,
        AuditId = origin.AuditId,
        AuditAnswerId = origin.AuditAnswerId,
        FeedbackId = origin.FeedbackId,
        InspectionId = origin.InspectionId,
        RaisedById = by.UserId,
        RaisedByName = by.Name,
        RaisedOn = on,
    };

    /// <summary>Closes the finding; a nonconformity needs at least one corrective action checked effective.</summary>
    public void Close(IReadOnlyCollection<CorrectiveAction> actions, string? note, AuditPerson by, DateOnly on)
    {
        if (Status == FindingStatus.Closed)
        {
            throw new DomainException("Phát hiện này đã đóng.");
        }

        if (IsNonconformity && !actions.Any(a => a.FindingId == Id && a.Status == CorrectiveActionStatus.Effective))
        {
            throw new DomainException("Chưa đóng được điểm không phù hợp: cần ít nhất một hành động khắc phục đã được kiểm tra là có hiệu lực.");
        }

        ClosingNote = IsNonconformity ? AuditText.Optional(note, DescriptionMaxLength, "Note", "ghi chú") : AuditText.Required(note, DescriptionMaxLength, "Note", "ghi chú khi đóng");
        Status = FindingStatus.Closed;
        ClosedOn = on;
        ClosedByName = by.Name;
    }
}

/// <summary>Where a finding came from (exactly one link for audits, reports and inspections).</summary>
public sealed record FindingOrigin(FindingSource Source, int? AuditId = null, int? AuditAnswerId = null, int? FeedbackId = null, int? InspectionId = null)
{
    public static readonly FindingOrigin Direct = new(FindingSource.Direct);
}
