using System.Text.RegularExpressions;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Documents.Signatures;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Documents;

/// <summary>
/// A controlled document of one commune (ISO 9001 clause 7.5): its code and metadata, its revisions and the
/// immutable history of every transition. The document is the aggregate: all changes go through its methods,
/// which keep "one issued revision per code" and bump <see cref="Version"/>, the optimistic concurrency token.
/// </summary>
public sealed partial class ControlledDocument : ITenantOwned, IStamped
{
    public const int CodeMaxLength = 40;
    public const int TitleMaxLength = 300;
    public const int BodyMaxLength = 200_000;
    public const int OwnerMaxLength = 200;
    public const int TthcCodesMaxLength = 1000;
    public const int LegalBasesMaxLength = 4000;
    public const int ReviewCommentMaxLength = 1000;

    private ControlledDocument()
    {
    }

    public int Id { get; private set; }
    public int TenantId { get; set; }
    public string Code { get; private set; } = "";
    public string Title { get; private set; } = "";
    public DocumentKind Kind { get; private set; }
    public string Owner { get; private set; } = "";
    public int ReviewIntervalMonths { get; private set; }

    /// <summary>Linked TTHC codes, one space between them (e.g. "1.001193 1.000894").</summary>
    public string TthcCodes { get; private set; } = "";

    /// <summary>Legal bases, one per line (e.g. "Nghị định 61/2018/NĐ-CP").</summary>
    public string LegalBases { get; private set; } = "";

    /// <summary>Public documents show on the commune's ISO page and their issued attachments download without sign-in.</summary>
    public bool IsPublic { get; private set; }

    /// <summary>The headline state for lists: issued if a revision is in force, else the newest revision's state.</summary>
    public RevisionStatus Status { get; private set; }

    /// <summary>State of a revision being prepared beside the issued one, if any.</summary>
    public RevisionStatus? PendingStatus { get; private set; }

    /// <summary>Lần ban hành of the revision in force; 0 before the first issue.</summary>
    public int IssueNumber { get; private set; }

    public DateOnly? EffectiveDate { get; private set; }
    public DateOnly? NextReviewDate { get; private set; }

    /// <summary>Incremented by every change; checked on save so a stale edit is refused instead of overwriting.</summary>
    public int Version { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public List<DocumentRevision> Revisions { get; } = [];
    public List<DocumentEvent> Events { get; } = [];

    /// <summary>Signatures added by this unit of work (the list is not loaded with the document; signatures are read by query).</summary>
    public List<DocumentSignature> Signatures { get; } = [];

    public IEnumerable<string> TthcCodeList => TthcCodes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public DocumentRevision? IssuedRevision => Revisions.SingleOrDefault(r => r.Status == RevisionStatus.Issued);

    public DocumentRevision? OpenRevision => Revisions.SingleOrDefault(r => r.IsOpen);

    public static ControlledDocument Create(string code, string title, DocumentKind kind, string owner, int reviewIntervalMonths,
        string? tthcCodes, string? legalBases, bool isPublic, string body, DocumentActor author, DateTimeOffset at, string? changeSummary = null)
    {
        var document = new ControlledDocument { Code = CheckCode(code), Kind = kind };
        document.SetMetadata(title, owner, reviewIntervalMonths, tthcCodes, legalBases, isPublic);
        var summary = string.IsNullOrWhiteSpace(changeSummary) ? "Ban hành lần đầu." : changeSummary;
        var revision = DocumentRevision.Start(1, document.Title, CheckBody(body), summary, author);
        document.Revisions.Add(revision);
        document.Record(revision, DocumentAction.Created, author, at);
        document.Refresh();
        return document;
    }

    /// <summary>Changes the open draft and the document's metadata; only a draft can be edited.</summary>
    public void EditDraft(DocumentRevision revision, string title, string owner, int reviewIntervalMonths, string? tthcCodes, string? legalBases,
        bool isPublic, string body, string? changeSummary, DocumentActor actor, DateTimeOffset at)
    {
        Own(revision);
        if (revision.Status != RevisionStatus.Draft)
        {
            throw new DomainException(
                $"Chỉ sửa được bản dự thảo. Bản {revision.Number} đang ở trạng thái \"{DocumentLabels.Status(revision.Status)}\": muốn thay đổi, hãy mở một bản sửa đổi mới.");
        }

        SetMetadata(title, owner, reviewIntervalMonths, tthcCodes, legalBases, isPublic);
        revision.Edit(Title, CheckBody(body), changeSummary, actor);
        Record(revision, DocumentAction.Edited, actor, at);
        Refresh();
    }

    /// <summary>Records a file attached to the draft: whoever attaches a file has changed what will be signed.</summary>
    public void AttachForm(DocumentRevision revision, string fileName, DocumentActor actor, DateTimeOffset at)
    {
        Own(revision);
        Require(revision, RevisionStatus.Draft, "Chỉ đính kèm được vào bản dự thảo.");
        revision.NoteContributor(actor);
        Record(revision, DocumentAction.Attached, actor, at, fileName);
    }

    /// <summary>
    /// Puts the draft forward. A reviewer named now (required when the commune wants every document reviewed before
    /// approval) must be independent of the revision: not someone who wrote or changed it, and not the submitter.
    /// </summary>
    public void Submit(DocumentRevision revision, DocumentActor actor, DateTimeOffset at, DocumentActor? reviewer = null, bool reviewRequired = false)
    {
        Own(revision);
        Require(revision, RevisionStatus.Draft, "Chỉ trình phê duyệt được bản dự thảo.");
        if (reviewer is null && reviewRequired)
        {
            throw new DomainException("Xã yêu cầu xem xét tài liệu trước khi phê duyệt: vui lòng chọn người xem xét.", "Reviewer");
        }

        if (reviewer is not null)
        {
            CheckReviewer(revision, reviewer, actor);
        }

        revision.Submit(actor, at, reviewer);
        Record(revision, DocumentAction.Submitted, actor, at, reviewer is null ? null : $"Người xem xét: {reviewer.Name}.");
        Refresh();
    }

    /// <summary>
    /// The named reviewer records "đã xem xét", optionally with a comment, and signs the revision's content (meaning
    /// "xem xét"); only then may an approver approve it.
    /// </summary>
    public void Review(DocumentRevision revision, DocumentActor actor, string? comment, DateTimeOffset at, SigningEvidence? signature)
    {
        CheckReview(revision, actor);
        comment = Clean(comment);
        if (comment.Length > ReviewCommentMaxLength)
        {
            throw new DomainException($"Ý kiến xem xét dài tối đa {ReviewCommentMaxLength} ký tự.", "Comment");
        }

        Sign(revision, SignatureMeaning.Review, actor, signature, at);
        revision.RecordReview(comment.Length == 0 ? null : comment, at);
        Record(revision, DocumentAction.ReviewRecorded, actor, at, comment.Length == 0 ? null : comment);
        Refresh();
    }

    /// <summary>The reviewer sends the revision back to draft with a reason, instead of recording the review.</summary>
    public void ReturnFromReview(DocumentRevision revision, DocumentActor actor, string? reason, DateTimeOffset at)
    {
        CheckReview(revision, actor);
        reason = Clean(reason);
        if (reason.Length == 0)
        {
            throw new DomainException("Vui lòng ghi lý do trả lại để người soạn thảo biết cần sửa gì.", "Reason");
        }

        revision.Reject(reason);
        Record(revision, DocumentAction.ReviewReturned, actor, at, reason);
        Refresh();
    }

    /// <summary>The rules of <see cref="Review"/>, so a page can refuse before asking the reviewer to re-authenticate.</summary>
    public void CheckReview(DocumentRevision revision, DocumentActor actor)
    {
        Own(revision);
        Require(revision, RevisionStatus.InReview, "Chỉ xem xét được bản đang trình duyệt.");
        if (revision.ReviewerId is null)
        {
            throw new DomainException("Bản này được trình thẳng lên lãnh đạo phê duyệt, không qua bước xem xét.");
        }

        if (revision.ReviewerId != actor.UserId)
        {
            throw new DomainException($"Chỉ người được chọn xem xét bản này ({revision.ReviewerName}) mới được ghi nhận xem xét hoặc trả lại.");
        }

        if (revision.ReviewedAt is { } reviewed)
        {
            throw new DomainException($"Bản này đã được xem xét lúc {VietnameseFormat.DateTime(reviewed)}.");
        }

        if (revision.IsContributor(actor.UserId))
        {
            throw new DomainException("Không được xem xét bản mà chính mình đã soạn thảo, sửa nội dung hoặc đính kèm tệp.");
        }
    }

    /// <summary>
    /// Only an approver may approve, never someone who wrote or changed the revision (segregation of duties), and a
    /// person's approval is their electronic signature on the revision's content.
    /// </summary>
    public void Approve(DocumentRevision revision, DocumentActor actor, bool actorIsApprover, DateTimeOffset at, SigningEvidence? signature)
    {
        CheckApproval(revision, actor, actorIsApprover);
        Sign(revision, SignatureMeaning.Approval, actor, signature, at);
        revision.Approve(actor, at);
        Record(revision, DocumentAction.Approved, actor, at);
        Refresh();
    }

    /// <summary>The rules of <see cref="Approve"/>, so a page can refuse before asking the signer to re-authenticate.</summary>
    public void CheckApproval(DocumentRevision revision, DocumentActor actor, bool actorIsApprover)
    {
        Own(revision);
        if (!actorIsApprover)
        {
            throw new DomainException("Chỉ lãnh đạo có vai trò phê duyệt mới được phê duyệt tài liệu.");
        }

        if (revision.AuthorId == actor.UserId)
        {
            throw new DomainException("Không được tự phê duyệt bản do chính mình soạn thảo: cần một lãnh đạo khác phê duyệt.");
        }

        if (revision.IsContributor(actor.UserId))
        {
            throw new DomainException(
                "Không được phê duyệt bản mà chính mình đã sửa nội dung hoặc đính kèm tệp: người phê duyệt phải độc lập với người soạn thảo, cần một lãnh đạo khác phê duyệt.");
        }

        Require(revision, RevisionStatus.InReview, "Chỉ phê duyệt được bản đang chờ phê duyệt.");
        // Four eyes after the drafter: a reviewer who then approved would sign the same step twice and the print would name one person as two.
        if (revision.ReviewerId == actor.UserId)
        {
            throw new DomainException("Người xem xét bản này không được đồng thời phê duyệt nó: cần một lãnh đạo khác phê duyệt.");
        }

        if (revision.AwaitsReview)
        {
            throw new DomainException($"Bản này đang chờ {revision.ReviewerName} xem xét: chỉ phê duyệt được sau khi đã xem xét.");
        }
    }

    public void Reject(DocumentRevision revision, DocumentActor actor, bool actorIsApprover, string? reason, DateTimeOffset at)
    {
        Own(revision);
        if (!actorIsApprover)
        {
            throw new DomainException("Chỉ lãnh đạo có vai trò phê duyệt mới được trả lại tài liệu.");
        }

        Require(revision, RevisionStatus.InReview, "Chỉ trả lại được bản đang chờ phê duyệt.");
        reason = Clean(reason);
        if (reason.Length == 0)
        {
            throw new DomainException("Vui lòng ghi lý do trả lại để người soạn thảo biết cần sửa gì.", "Reason");
        }

        revision.Reject(reason);
        Record(revision, DocumentAction.Rejected, actor, at, reason);
        Refresh();
    }

    /// <summary>
    /// Issues an approved revision, signed by the person who issues it; the revision in force until now becomes
    /// superseded on the new effective date.
    /// </summary>
    public void Issue(DocumentRevision revision, DateOnly effectiveDate, DocumentActor actor, DateTimeOffset at, SigningEvidence? signature)
    {
        CheckIssue(revision, effectiveDate);
        Sign(revision, SignatureMeaning.Issue, actor, signature, at);
        // Numbers are never reused, even when a withdrawn issue left an earlier one in force.
        var number = (Revisions.Max(r => r.IssueNumber) ?? 0) + 1;
        if (IssuedRevision is { } previous)
        {
            // The previous revision stays in force until the new effective date: its end date says so, whatever its status.
            previous.End(RevisionStatus.Superseded, effectiveDate);
            Record(previous, DocumentAction.Superseded, actor, at, $"Thay thế bởi lần ban hành {number} từ ngày {VietnameseFormat.Date(effectiveDate)}.");
        }

        revision.Issue(number, effectiveDate, actor, at);
        Record(revision, DocumentAction.Issued, actor, at, effectiveDate: effectiveDate);
        Refresh();
        NextReviewDate = effectiveDate.AddMonths(ReviewIntervalMonths);
    }

    /// <summary>The rules of <see cref="Issue"/>, so a page can refuse before asking the signer to re-authenticate.</summary>
    public void CheckIssue(DocumentRevision revision, DateOnly effectiveDate)
    {
        Own(revision);
        if (revision.Status == RevisionStatus.Issued)
        {
            throw new DomainException($"Bản {revision.Number} đã được ban hành; mỗi mã tài liệu chỉ có một bản đang hiệu lực.");
        }

        Require(revision, RevisionStatus.Approved, "Chưa thể ban hành: bản này chưa được lãnh đạo phê duyệt.");
        if (IssuedRevision is { } previous && effectiveDate < previous.EffectiveDate)
        {
            throw new DomainException(
                $"Ngày hiệu lực không được trước ngày hiệu lực của lần ban hành đang áp dụng ({VietnameseFormat.Date(previous.EffectiveDate!.Value)}).", "EffectiveDate");
        }
    }

    public void Withdraw(DocumentRevision revision, DocumentActor actor, string? reason, DateOnly today, DateTimeOffset at)
    {
        Own(revision);
        Require(revision, RevisionStatus.Issued, "Chỉ thu hồi được bản đang hiệu lực.");
        reason = Clean(reason);
        if (reason.Length == 0)
        {
            throw new DomainException("Vui lòng ghi lý do thu hồi.", "Reason");
        }

        revision.End(RevisionStatus.Withdrawn, today);
        Record(revision, DocumentAction.Withdrawn, actor, at, reason);
        // Withdrawn before it took effect: the revision it was to replace never stopped applying, so it stays in force.
        var replaced = revision.EffectiveDate > today
            ? Revisions.Where(r => r.Status == RevisionStatus.Superseded && r.EndDate == revision.EffectiveDate).MaxBy(r => r.Number)
            : null;
        if (replaced is not null)
        {
            replaced.Reinstate();
            Record(replaced, DocumentAction.Reinstated, actor, at, $"Lần ban hành {revision.IssueNumber} bị thu hồi trước ngày hiệu lực; bản này tiếp tục có hiệu lực.");
        }

        Refresh();
        NextReviewDate = replaced?.EffectiveDate is { } since ? since.AddMonths(ReviewIntervalMonths) : null;
    }

    /// <summary>Opens a new draft from the newest revision; only one revision may be in preparation at a time.</summary>
    public DocumentRevision StartRevision(DocumentActor actor, DateTimeOffset at)
    {
        if (OpenRevision is { } open)
        {
            throw new DomainException($"Đã có bản {open.Number} đang soạn thảo hoặc chờ duyệt; hãy hoàn tất bản đó trước.");
        }

        var latest = Revisions.MaxBy(r => r.Number)!;
        var revision = DocumentRevision.Start(latest.Number + 1, latest.Title, latest.Body, null, actor);
        Revisions.Add(revision);
        Record(revision, DocumentAction.NewRevision, actor, at);
        Refresh();
        return revision;
    }

    /// <summary>"Reviewed, no change": the periodic review is recorded and the next one is due one interval from today.</summary>
    public void MarkReviewed(DocumentActor actor, DateOnly today, string? note, DateTimeOffset at)
    {
        var issued = IssuedRevision ?? throw new DomainException("Chỉ xem xét định kỳ được tài liệu đang hiệu lực.");
        Record(issued, DocumentAction.Reviewed, actor, at, Clean(note) is { Length: > 0 } n ? n : null);
        NextReviewDate = today.AddMonths(ReviewIntervalMonths);
        Version++;
    }

    /// <summary>The revision in force on a date, if any (issued, superseded or withdrawn revisions only).</summary>
    public DocumentRevision? InForceOn(DateOnly date) =>
        Revisions.Where(r => r.EffectiveDate is { } from && from <= date && (r.EndDate is not { } end || end > date))
            .MaxBy(r => r.EffectiveDate);

    public static string CheckCode(string? code)
    {
        code = VietnameseText.Normalize(code).Trim().ToUpperInvariant();
        if (code.Length > CodeMaxLength || !CodePattern().IsMatch(code))
        {
            throw new DomainException(
                "Mã tài liệu gồm tiền tố chữ in hoa, dấu gạch ngang, số thứ tự 2–3 chữ số và phần đuôi tùy chọn sau dấu /, ví dụ QT-02/CX-HCTP.", "Code");
        }

        return code;
    }

    /// <summary>Parses TTHC codes separated by spaces, commas or new lines; each must look like 1.001193 (a local suffix is allowed).</summary>
    public static string CheckTthcCodes(string? codes)
    {
        var list = (codes ?? "").Split([' ', ',', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
        var wrong = list.FirstOrDefault(c => !TthcPattern().IsMatch(c));
        if (wrong is not null)
        {
            throw new DomainException($"Mã TTHC \"{wrong}\" không đúng định dạng (ví dụ: 1.001193 hoặc 2.000815.000.00.00.H55).", "TthcCodes");
        }

        var joined = string.Join(' ', list);
        if (joined.Length > TthcCodesMaxLength)
        {
            throw new DomainException("Danh sách mã TTHC quá dài.", "TthcCodes");
        }

        return joined;
    }

    private void SetMetadata(string title, string owner, int reviewIntervalMonths, string? tthcCodes, string? legalBases, bool isPublic)
    {
        title = Clean(title);
        if (title.Length == 0 || title.Length > TitleMaxLength)
        {
            throw new DomainException($"Tên tài liệu không được để trống và dài tối đa {TitleMaxLength} ký tự.", "Title");
        }

        owner = Clean(owner);
        if (owner.Length == 0 || owner.Length > OwnerMaxLength)
        {
            throw new DomainException($"Vui lòng ghi đơn vị/người chủ trì tài liệu (tối đa {OwnerMaxLength} ký tự).", "Owner");
        }

        if (reviewIntervalMonths is < 1 or > 60)
        {
            throw new DomainException("Chu kỳ xem xét từ 1 đến 60 tháng.", "ReviewIntervalMonths");
        }

        var bases = string.Join('\n', VietnameseText.Normalize(legalBases).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
        if (bases.Length > LegalBasesMaxLength)
        {
            throw new DomainException($"Căn cứ pháp lý dài tối đa {LegalBasesMaxLength} ký tự.", "LegalBases");
        }

        TthcCodes = CheckTthcCodes(tthcCodes);
        Title = title;
        Owner = owner;
        ReviewIntervalMonths = reviewIntervalMonths;
        LegalBases = bases;
        IsPublic = isPublic;
    }

    private static string CheckBody(string? body)
    {
        body = VietnameseText.Normalize(body).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (body.Trim().Length == 0)
        {
            throw new DomainException("Nội dung tài liệu không được để trống.", "Body");
        }

        if (body.Length > BodyMaxLength)
        {
            throw new DomainException($"Nội dung dài tối đa {BodyMaxLength:N0} ký tự.", "Body");
        }

        return body;
    }

    private static string Clean(string? text) => VietnameseText.Normalize(text).Trim();

    /// <summary>A person always signs, and signs exactly the revision's text; a recipe never does (it is no person).</summary>
    private void Sign(DocumentRevision revision, SignatureMeaning meaning, DocumentActor actor, SigningEvidence? signature, DateTimeOffset at)
    {
        if (actor.IsRecipe)
        {
            if (signature is not null)
            {
                throw new InvalidOperationException("A recipe cannot sign.");
            }

            return;
        }

        if (signature is null)
        {
            throw new DomainException($"{SignatureLabels.Meaning(meaning)} cần chữ ký điện tử: vui lòng nhập lại mật khẩu hoặc mã xác thực để ký.");
        }

        if (signature.Content.Title != SignedContent.Text(revision.Title) || signature.Content.Body != SignedContent.Text(revision.Body))
        {
            throw new InvalidOperationException($"The signed content is not the text of revision {revision.Number}.");
        }

        Signatures.Add(new DocumentSignature(revision, meaning, actor, signature, at));
    }

    private static void CheckReviewer(DocumentRevision revision, DocumentActor reviewer, DocumentActor submitter)
    {
        if (reviewer.IsRecipe)
        {
            throw new InvalidOperationException("A recipe cannot review.");
        }

        if (reviewer.UserId == submitter.UserId)
        {
            throw new DomainException("Không chọn chính mình làm người xem xét bản mình trình: hãy chọn người khác, ví dụ Phó Chủ tịch hoặc Chánh Văn phòng.", "Reviewer");
        }

        if (revision.IsContributor(reviewer.UserId))
        {
            throw new DomainException(
                $"{reviewer.Name} đã soạn thảo, sửa nội dung hoặc đính kèm tệp của bản này nên không thể xem xét: người xem xét phải độc lập với người soạn thảo.", "Reviewer");
        }
    }

    private void Own(DocumentRevision revision)
    {
        if (!Revisions.Contains(revision))
        {
            throw new DomainException("Bản này không thuộc tài liệu đang xử lý.");
        }
    }

    private static void Require(DocumentRevision revision, RevisionStatus expected, string message)
    {
        if (revision.Status != expected)
        {
            throw new DomainException($"{message} Bản {revision.Number} đang ở trạng thái \"{DocumentLabels.Status(revision.Status)}\".");
        }
    }

    private void Record(DocumentRevision revision, DocumentAction action, DocumentActor actor, DateTimeOffset at, string? reason = null, DateOnly? effectiveDate = null) =>
        Events.Add(new DocumentEvent(revision, action, actor, at, reason, effectiveDate));

    private void Refresh()
    {
        var issued = IssuedRevision;
        var open = OpenRevision;
        var latest = Revisions.MaxBy(r => r.Number)!;
        Status = issued?.Status ?? open?.Status ?? latest.Status;
        PendingStatus = issued is not null ? open?.Status : null;
        IssueNumber = issued?.IssueNumber ?? Revisions.Max(r => r.IssueNumber) ?? 0;
        EffectiveDate = issued?.EffectiveDate;
        Title = issued?.Title ?? latest.Title;
        Version++;
    }

    [GeneratedRegex(@"^[A-ZĐ]{2,6}-\d{2,3}(/[A-ZĐ0-9][A-ZĐ0-9.-]{0,29})?$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^\d\.\d{6}(\.[0-9A-Za-z]{1,10}){0,5}$")]
    private static partial Regex TthcPattern();
}
