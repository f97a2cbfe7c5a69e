using QmsPortal.Web.Data;

namespace QmsPortal.Web.Features.Documents;

/// <summary>
/// One revision of a controlled document. Changed only through <see cref="ControlledDocument"/>; once it leaves
/// the draft state its text never changes again, so every revision stays readable as it was.
/// </summary>
public sealed class DocumentRevision : ITenantOwned, IStamped
{
    public const int SummaryMaxLength = 500;
    public const int NameMaxLength = 200;

    private DocumentRevision()
    {
    }

    public int Id { get; private set; }
    public int TenantId { get; set; }
    public int DocumentId { get; private set; }

    /// <summary>Sequence of revisions of this document (1, 2, 3…), drafts included.</summary>
    public int Number { get; private set; }

    public RevisionStatus Status { get; private set; }
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    public string? ChangeSummary { get; private set; }

    public string AuthorId { get; private set; } = "";
    public string AuthorName { get; private set; } = "";
    public string? AuthorTitle { get; private set; }

    /// <summary>
    /// Everyone who wrote or changed this revision's content (its author, each editor, each person who attached a
    /// file), as user ids separated by spaces. None of them may approve it.
    /// </summary>
    public string ContributorIds { get; private set; } = "";

    /// <summary>Who put the draft forward for approval; submitting is not reviewing, and the print says so.</summary>
    public string? SubmitterId { get; private set; }

    public string? SubmitterName { get; private set; }
    public string? SubmitterTitle { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>
    /// Who the submitter asked to review the revision before approval ("xem xét"), or null when it went straight to the
    /// approver. Never someone who wrote or changed it, nor the submitter; the reviewer may not approve it either.
    /// </summary>
    public string? ReviewerId { get; private set; }

    public string? ReviewerName { get; private set; }
    public string? ReviewerTitle { get; private set; }

    /// <summary>When the reviewer recorded "đã xem xét"; while a reviewer is named and this is null, approval waits.</summary>
    public DateTimeOffset? ReviewedAt { get; private set; }

    public string? ReviewComment { get; private set; }

    public string? ApproverId { get; private set; }
    public string? ApproverName { get; private set; }
    public string? ApproverTitle { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }

    public string? RejectionReason { get; private set; }

    /// <summary>Lần ban hành, given when issued.</summary>
    public int? IssueNumber { get; private set; }

    public DateOnly? EffectiveDate { get; private set; }
    public DateTimeOffset? IssuedAt { get; private set; }
    public string? IssuerId { get; private set; }
    public string? IssuerName { get; private set; }
    public string? IssuerTitle { get; private set; }

    /// <summary>First day the revision is no longer in force (superseded or withdrawn).</summary>
    public DateOnly? EndDate { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public bool IsOpen => Status is RevisionStatus.Draft or RevisionStatus.InReview or RevisionStatus.Approved;

    /// <summary>Submitted with a reviewer who has not yet reviewed it: the approver cannot act yet.</summary>
    public bool AwaitsReview => Status == RevisionStatus.InReview && ReviewerId is not null && ReviewedAt is null;

    public bool IsContributor(string userId) => ContributorIds.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(userId, StringComparer.Ordinal);

    internal static DocumentRevision Start(int number, string title, string body, string? summary, DocumentActor author) => new()
    {
        Number = number,
        Status = RevisionStatus.Draft,
        Title = title,
        Body = body,
        ChangeSummary = Summary(summary),
        AuthorId = author.UserId,
        AuthorName = author.Name,
        AuthorTitle = author.JobTitle,
        ContributorIds = author.UserId,
    };

    internal void Edit(string title, string body, string? summary, DocumentActor editor)
    {
        Title = title;
        Body = body;
        ChangeSummary = Summary(summary);
        NoteContributor(editor);
    }

    internal void NoteContributor(DocumentActor actor)
    {
        if (!IsContributor(actor.UserId))
        {
            ContributorIds = ContributorIds.Length == 0 ? actor.UserId : ContributorIds + " " + actor.UserId;
        }
    }

    /// <summary>Each submission starts its own review: a revision returned and submitted again is reviewed again.</summary>
    internal void Submit(DocumentActor submitter, DateTimeOffset at, DocumentActor? reviewer)
    {
        Status = RevisionStatus.InReview;
        SubmitterId = submitter.UserId;
        SubmitterName = submitter.Name;
        SubmitterTitle = submitter.JobTitle;
        SubmittedAt = at;
        RejectionReason = null;
        ReviewerId = reviewer?.UserId;
        ReviewerName = reviewer?.Name;
        ReviewerTitle = reviewer?.JobTitle;
        ReviewedAt = null;
        ReviewComment = null;
    }

    internal void RecordReview(string? comment, DateTimeOffset at)
    {
        ReviewedAt = at;
        ReviewComment = comment;
    }

    internal void Approve(DocumentActor approver, DateTimeOffset at)
    {
        Status = RevisionStatus.Approved;
        ApproverId = approver.UserId;
        ApproverName = approver.Name;
        ApproverTitle = approver.JobTitle;
        ApprovedAt = at;
    }

    internal void Reject(string reason)
    {
        Status = RevisionStatus.Draft;
        RejectionReason = reason;
    }

    internal void Issue(int issueNumber, DateOnly effectiveDate, DocumentActor issuer, DateTimeOffset at)
    {
        Status = RevisionStatus.Issued;
        IssueNumber = issueNumber;
        EffectiveDate = effectiveDate;
        IssuedAt = at;
        IssuerId = issuer.UserId;
        IssuerName = issuer.Name;
        IssuerTitle = issuer.JobTitle;
    }

    internal void End(RevisionStatus status, DateOnly endDate)
    {
        Status = status;
        EndDate = endDate;
    }

    /// <summary>The revision that was to be superseded stays in force after all (its successor was withdrawn before taking effect).</summary>
    internal void Reinstate()
    {
        Status = RevisionStatus.Issued;
        EndDate = null;
    }

    private static string? Summary(string? summary)
    {
        var text = Text.VietnameseText.Normalize(summary).Trim();
        if (text.Length > SummaryMaxLength)
        {
            throw new DomainException($"Tóm tắt nội dung sửa đổi dài tối đa {SummaryMaxLength} ký tự.", "ChangeSummary");
        }

        return text.Length == 0 ? null : text;
    }
}

/// <summary>One transition of a document (who, when, why). Append-only: no method changes a recorded event.</summary>
public sealed class DocumentEvent : ITenantOwned, IAppendOnly
{
    private DocumentEvent()
    {
    }

    internal DocumentEvent(DocumentRevision revision, DocumentAction action, DocumentActor actor, DateTimeOffset at, string? reason, DateOnly? effectiveDate)
    {
        Revision = revision;
        RevisionNumber = revision.Number;
        Action = action;
        ActorId = actor.UserId;
        ActorName = actor.Name;
        At = at;
        Reason = reason;
        EffectiveDate = effectiveDate;
    }

    public long Id { get; private set; }
    public int TenantId { get; set; }
    public int DocumentId { get; private set; }
    public int RevisionId { get; private set; }
    public DocumentRevision? Revision { get; private set; }
    public int RevisionNumber { get; private set; }
    public DocumentAction Action { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    public string? Reason { get; private set; }
    public DateOnly? EffectiveDate { get; private set; }
}

/// <summary>A file attached to a revision (a form as .docx/.pdf/.xlsx); the bytes live in the file store under <see cref="ContentKey"/>.</summary>
public sealed class DocumentAttachment : ITenantOwned, IStamped
{
    public int Id { get; set; }
    public int TenantId { get; set; }
    public int DocumentId { get; set; }
    public int RevisionId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string ContentKey { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

/// <summary>A member confirmed having read an issued revision.</summary>
public sealed class ReadAcknowledgement : ITenantOwned
{
    public int Id { get; set; }
    public int TenantId { get; set; }
    public int DocumentId { get; set; }
    public int RevisionId { get; set; }
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    public DateTimeOffset At { get; set; }
}
