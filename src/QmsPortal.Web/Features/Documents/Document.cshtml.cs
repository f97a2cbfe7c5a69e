using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Documents.Signatures;
using QmsPortal.Web.Files;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Documents;

/// <summary>
/// One document: the revision shown (the one in force today by default, else the one to come, any revision by
/// <c>?ban=</c>, the one in force on a date by <c>?ngay=yyyy-MM-dd</c>), who drafted, submitted, reviewed, approved and
/// issued it, its revision table, history, attachments, legal updates, acknowledgements, and the lifecycle actions
/// the user's roles allow. Every action is a POST handler; the entity decides.
/// </summary>
[Authorize(Policy = CommunePolicies.Reader)]
public sealed class DocumentModel(QmsDbContext db, TenantContext tenant, CommuneAccess access, DocumentLibrary library, IFileStore files, TimeProvider clock,
    RevisionSigning signing) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ban")]
    public int? RevisionId { get; set; }

    [BindProperty(SupportsGet = true, Name = "ngay")]
    public DateOnly? AsOf { get; set; }

    public Header Doc { get; private set; } = null!;
    public IReadOnlyList<RevisionRow> Revisions { get; private set; } = [];
    public RevisionRow? Shown { get; private set; }
    public string Body { get; private set; } = "";
    public IReadOnlyList<EventRow> History { get; private set; } = [];
    public IReadOnlyList<AttachmentRow> Attachments { get; private set; } = [];
    public IReadOnlyList<SignatureRow> Signatures { get; private set; } = [];
    public bool SignsWithCode { get; private set; }
    public IReadOnlyList<UpdateRow> Updates { get; private set; } = [];
    public DateTimeOffset? MyAcknowledgement { get; private set; }
    public Coverage? AckCoverage { get; private set; }
    public bool CanAuthor { get; private set; }
    public bool CanApprove { get; private set; }

    /// <summary>Issuing is a signature under a commune role: a platform administrator without one is not offered the form.</summary>
    public bool CanIssue { get; private set; }

    public bool IsMember { get; private set; }
    public string? MyId { get; private set; }
    public bool ReviewRequired { get; private set; }
    public IReadOnlyList<ReviewerChoice> ReviewerChoices { get; private set; } = [];

    /// <summary>The issued revision in force today and the one to come, when they are not the one shown.</summary>
    public RevisionRow? InForce { get; private set; }

    public RevisionRow? Upcoming { get; private set; }

    /// <summary>Who last sent the shown draft back, and whether as its reviewer or as an approver.</summary>
    public EventRow? LastReturn { get; private set; }
    public DateOnly Today { get; private set; }
    public string Slug => tenant.Required.Slug;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var header = await db.Set<ControlledDocument>().AsNoTracking().Where(d => d.Id == id)
            .Select(d => new Header(d.Id, d.Code, d.Title, d.Kind, d.Owner, d.ReviewIntervalMonths, d.TthcCodes, d.LegalBases, d.IsPublic,
                d.Status, d.PendingStatus, d.IssueNumber, d.EffectiveDate, d.NextReviewDate, d.Version))
            .FirstOrDefaultAsync(cancellationToken);
        if (header is null)
        {
            return NotFound();
        }

        Doc = header;
        Today = library.Today;
        var roles = await access.RolesAsync(cancellationToken);
        IsMember = roles.Count > 0;
        CanAuthor = access.IsPlatformAdmin || roles.Contains(CommuneRole.QualitySecretary) || roles.Contains(CommuneRole.CommuneAdmin);
        CanApprove = roles.Contains(CommuneRole.Approver);
        CanIssue = roles.Overlaps([CommuneRole.QualitySecretary, CommuneRole.CommuneAdmin, CommuneRole.Approver]);
        MyId = library.UserId;

        Revisions = await db.Set<DocumentRevision>().AsNoTracking().Where(r => r.DocumentId == id).OrderByDescending(r => r.Number)
            .Select(r => new RevisionRow(r.Id, r.Number, r.Status, r.Title, r.ChangeSummary, r.IssueNumber, r.EffectiveDate, r.EndDate,
                r.AuthorName, r.AuthorTitle, r.CreatedAt, r.SubmitterName, r.SubmitterTitle, r.SubmittedAt, r.ApproverName, r.ApproverTitle, r.ApprovedAt, r.RejectionReason,
                r.ApproverId, r.IssuerId, r.IssuerName, r.IssuerTitle, r.IssuedAt, r.ContributorIds, r.ReviewerId, r.ReviewerName, r.ReviewerTitle, r.ReviewedAt,
                r.ReviewComment))
            .ToListAsync(cancellationToken);
        var today = Today;
        InForce = Revisions.Where(r => r.On(today) == Validity.InForce).MaxBy(r => r.EffectiveDate);
        Upcoming = Revisions.Where(r => r.On(today) == Validity.Upcoming).MinBy(r => r.EffectiveDate);
        Shown = RevisionId is { } wanted ? Revisions.FirstOrDefault(r => r.Id == wanted)
            : AsOf is { } date ? Revisions.Where(r => r.On(date) == Validity.InForce).MaxBy(r => r.EffectiveDate)
            : AwaitingMe(roles) ?? InForce ?? Upcoming ?? (Revisions.Count > 0 ? Revisions[0] : null);
        if (RevisionId is not null && Shown is null)
        {
            return NotFound();
        }

        if (Shown is not null)
        {
            var shownId = Shown.Id;
            Body = await db.Set<DocumentRevision>().AsNoTracking().Where(r => r.Id == shownId).Select(r => r.Body).FirstAsync(cancellationToken);
            Attachments = await db.Set<DocumentAttachment>().AsNoTracking().Where(a => a.RevisionId == shownId).OrderBy(a => a.FileName)
                .Select(a => new AttachmentRow(a.Id, a.FileName, a.Size)).ToListAsync(cancellationToken);
            Signatures = await SignatureBlock.ForRevisionAsync(db, shownId, cancellationToken);
            SignsWithCode = await signing.UsesOneTimeCodeAsync();
            var userId = library.UserId;
            MyAcknowledgement = await db.Set<ReadAcknowledgement>().AsNoTracking().Where(a => a.RevisionId == shownId && a.UserId == userId)
                .Select(a => (DateTimeOffset?)a.At).FirstOrDefaultAsync(cancellationToken);
            if (CanAuthor && Shown.Status == RevisionStatus.Issued)
            {
                var acknowledged = await db.Set<ReadAcknowledgement>().AsNoTracking().Where(a => a.RevisionId == shownId)
                    .OrderBy(a => a.Id).Select(a => new AckRow(a.UserName, a.At)).ToListAsync(cancellationToken);
                var ackIds = db.Set<ReadAcknowledgement>().Where(a => a.RevisionId == shownId).Select(a => a.UserId);
                var tenantId = tenant.Required.Id;
                var pending = await db.Memberships.AsNoTracking().Where(m => m.TenantId == tenantId && !ackIds.Contains(m.UserId))
                    .Select(m => m.User!.FullName).Distinct().OrderBy(n => n).ToListAsync(cancellationToken);
                AckCoverage = new Coverage(acknowledged, pending);
            }
        }

        History = await db.Set<DocumentEvent>().AsNoTracking().Where(e => e.DocumentId == id).OrderBy(e => e.Id)
            .Select(e => new EventRow(e.RevisionNumber, e.Action, e.ActorName, e.At, e.Reason, e.EffectiveDate)).ToListAsync(cancellationToken);
        if (Shown is { Status: RevisionStatus.Draft } draft)
        {
            LastReturn = History.LastOrDefault(e => e.RevisionNumber == draft.Number && e.Action is DocumentAction.Rejected or DocumentAction.ReviewReturned);
            if (CanAuthor)
            {
                ReviewRequired = await library.ReviewRequiredAsync(cancellationToken);
                ReviewerChoices = await library.ReviewerChoicesAsync(draft.ContributorIds, cancellationToken);
            }
        }

        Updates = await db.Set<LegalChangeItem>().AsNoTracking().Where(i => i.DocumentId == id).OrderBy(i => i.DueDate)
            .Select(i => new UpdateRow(i.Id, i.LegalText!.Number, i.LegalText.Title, i.LegalText.EffectiveDate, i.DueDate, i.ResolvedAt, i.ResolvedBy, i.Resolution))
            .ToListAsync(cancellationToken);
        return Page();
    }

    /// <summary>
    /// The submitted revision that waits for this person: an approver's turn (no reviewer named, or the reviewer has signed),
    /// or the named reviewer's. They open the document to act on it, so they land on it; everyone else sees what applies.
    /// </summary>
    private RevisionRow? AwaitingMe(IReadOnlySet<CommuneRole> roles) =>
        Revisions.FirstOrDefault(r => r.Status == RevisionStatus.InReview
            && (r.ReviewerId is null || r.ReviewedAt is not null ? roles.Contains(CommuneRole.Approver) : r.ReviewerId == MyId));

    /// <summary>The submitter names a reviewer (required when the commune wants every document reviewed), else the draft goes straight to approval.</summary>
    public Task<IActionResult> OnPostSubmitAsync(int id, int revision, string? reviewer) =>
        ActAsync(id, revision, Author, async (d, r, actor, at) =>
        {
            var chosen = string.IsNullOrWhiteSpace(reviewer) ? null
                : await library.MemberActorAsync(reviewer) ?? throw new DomainException("Người xem xét phải là thành viên của xã.", "Reviewer");
            d.Submit(r, actor, at, chosen, await library.ReviewRequiredAsync());
        }, string.IsNullOrWhiteSpace(reviewer) ? "Đã trình lãnh đạo phê duyệt." : "Đã trình duyệt: bản dự thảo chờ người xem xét.");

    /// <summary>The named reviewer records the review, which is an electronic signature meaning "xem xét".</summary>
    public Task<IActionResult> OnPostReviewAsync(int id, int revision, string? comment, string? password, string? code) =>
        ActAsync(id, revision, Anyone, async (d, r, actor, at) =>
        {
            d.CheckReview(r, actor);
            d.Review(r, actor, comment, at, await signing.SignAsync(r, SignatureMeaning.Review, password, code));
        }, "Đã ghi nhận xem xét và ký điện tử; bản này chờ lãnh đạo phê duyệt.");

    public Task<IActionResult> OnPostReturnReviewAsync(int id, int revision, string? reason) =>
        ActAsync(id, revision, Anyone, (d, r, actor, at) => d.ReturnFromReview(r, actor, reason, at), "Đã trả lại bản dự thảo cho người soạn thảo.");

    /// <summary>Approval is an electronic signature: the rules are checked first, then the signer re-authenticates.</summary>
    public Task<IActionResult> OnPostApproveAsync(int id, int revision, string? password, string? code) =>
        ActAsync(id, revision, Anyone, async (d, r, actor, at) =>
        {
            var isApprover = await IsApproverAsync();
            d.CheckApproval(r, actor, isApprover);
            d.Approve(r, actor, isApprover, at, await signing.SignAsync(r, SignatureMeaning.Approval, password, code));
        }, "Đã phê duyệt và ký điện tử.");

    public Task<IActionResult> OnPostRejectAsync(int id, int revision, string? reason) =>
        ActAsync(id, revision, Anyone, async (d, r, actor, at) => d.Reject(r, actor, await IsApproverAsync(), reason, at),
            "Đã trả lại bản dự thảo cho người soạn thảo.");

    public Task<IActionResult> OnPostIssueAsync(int id, int revision, DateOnly? effectiveDate, string? password, string? code) =>
        ActAsync(id, revision, AuthorOrApprover, async (d, r, actor, at) =>
        {
            var date = effectiveDate ?? throw new DomainException("Vui lòng chọn ngày hiệu lực.", "EffectiveDate");
            d.CheckIssue(r, date);
            d.Issue(r, date, actor, at, await signing.SignAsync(r, SignatureMeaning.Issue, password, code));
        }, "Đã ban hành và ký điện tử.");

    public Task<IActionResult> OnPostWithdrawAsync(int id, int revision, string? reason) =>
        ActAsync(id, revision, AuthorOrApprover, (d, r, actor, at) => d.Withdraw(r, actor, reason, library.Today, at), "Đã thu hồi tài liệu.");

    /// <summary>Opens a new draft; the forms attached to the revision it starts from come along (same stored content).</summary>
    public Task<IActionResult> OnPostNewRevisionAsync(int id) =>
        ActAsync(id, null, Author, async (d, latest, actor, at) =>
        {
            var revision = d.StartRevision(actor, at);
            await db.SaveChangesAsync();
            var forms = await db.Set<DocumentAttachment>().AsNoTracking().Where(a => a.RevisionId == latest.Id).ToListAsync();
            db.AddRange(forms.Select(a => new DocumentAttachment
            {
                DocumentId = id, RevisionId = revision.Id, FileName = a.FileName, ContentType = a.ContentType, Size = a.Size, ContentKey = a.ContentKey,
            }));
        }, "Đã mở bản sửa đổi mới.", toEdit: true);

    public Task<IActionResult> OnPostReviewedAsync(int id, string? note) =>
        ActAsync(id, null, Author, (d, _, actor, at) => d.MarkReviewed(actor, library.Today, note, at), "Đã ghi nhận xem xét định kỳ, không thay đổi.");

    public async Task<IActionResult> OnPostAcknowledgeAsync(int id, int revision)
    {
        if ((await access.RolesAsync()).Count == 0)
        {
            return Forbid();
        }

        var issued = await db.Set<DocumentRevision>().AnyAsync(r => r.Id == revision && r.DocumentId == id && r.Status == RevisionStatus.Issued);
        if (!issued)
        {
            TempData["Error"] = "Chỉ xác nhận đã đọc được bản đang hiệu lực.";
            return Redirect($"/{Slug}/tai-lieu/{id}");
        }

        var actor = await library.ActorAsync();
        if (!await db.Set<ReadAcknowledgement>().AnyAsync(a => a.RevisionId == revision && a.UserId == actor.UserId))
        {
            db.Add(new ReadAcknowledgement { DocumentId = id, RevisionId = revision, UserId = actor.UserId, UserName = actor.Name, At = clock.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        TempData["Message"] = "Đã xác nhận bạn đã đọc bản này.";
        return Redirect($"/{Slug}/tai-lieu/{id}");
    }

    public async Task<IActionResult> OnPostUploadAsync(int id, int revision, IFormFile? upload)
    {
        if (!await IsAuthorAsync())
        {
            return Forbid();
        }

        var target = await db.Set<DocumentRevision>().AsNoTracking().Where(r => r.Id == revision && r.DocumentId == id)
            .Select(r => new { r.Status, r.Number }).FirstOrDefaultAsync();
        if (target is null)
        {
            return NotFound();
        }

        try
        {
            if (target.Status != RevisionStatus.Draft)
            {
                throw new DomainException($"Chỉ đính kèm được vào bản dự thảo; bản {target.Number} đang ở trạng thái \"{DocumentLabels.Status(target.Status)}\".");
            }

            if (upload is null)
            {
                throw new DomainException("Vui lòng chọn tệp.");
            }

            if (upload.Length > AttachmentRules.MaxBytes)
            {
                throw new DomainException($"Tệp đính kèm vượt quá giới hạn {AttachmentRules.MaxBytes / 1024 / 1024} MB.");
            }

            await using var buffer = new MemoryStream();
            await upload.CopyToAsync(buffer);
            var (fileName, contentType) = AttachmentRules.Check(upload.FileName, buffer.Length, buffer);
            var stored = await files.SaveAsync(buffer, AttachmentRules.MaxBytes);
            var document = await db.Set<ControlledDocument>().Include(d => d.Revisions).SingleAsync(d => d.Id == id);
            document.AttachForm(document.Revisions.Single(r => r.Id == revision), fileName, await library.ActorAsync(), clock.GetUtcNow());
            db.Add(new DocumentAttachment { DocumentId = id, RevisionId = revision, FileName = fileName, ContentType = contentType, Size = stored.Size, ContentKey = stored.Key });
            await db.SaveChangesAsync();
            TempData["Message"] = $"Đã đính kèm {fileName}.";
        }
        catch (DomainException e)
        {
            TempData["Error"] = e.Message;
        }

        return Redirect($"/{Slug}/tai-lieu/{id}?ban={revision}");
    }

    public async Task<IActionResult> OnPostResolveUpdateAsync(int id, int item, string? resolution)
    {
        if (!await IsAuthorAsync())
        {
            return Forbid();
        }

        var update = await db.Set<LegalChangeItem>().FirstOrDefaultAsync(i => i.Id == item && i.DocumentId == id);
        if (update is null)
        {
            return NotFound();
        }

        try
        {
            update.Resolve(resolution, await library.ActorAsync(), clock.GetUtcNow());
            await db.SaveChangesAsync();
            TempData["Message"] = "Đã ghi nhận tài liệu đã được cập nhật.";
        }
        catch (DomainException e)
        {
            TempData["Error"] = e.Message;
        }

        return Redirect($"/{Slug}/tai-lieu/{id}");
    }

    private enum Who
    {
        Author,
        AuthorOrApprover,
        Anyone,
    }

    private const Who Author = Who.Author;
    private const Who AuthorOrApprover = Who.AuthorOrApprover;
    private const Who Anyone = Who.Anyone;

    private Task<IActionResult> ActAsync(int id, int? revisionId, Who who, Action<ControlledDocument, DocumentRevision, DocumentActor, DateTimeOffset> act, string done, bool toEdit = false) =>
        ActAsync(id, revisionId, who, (d, r, a, t) =>
        {
            act(d, r, a, t);
            return Task.CompletedTask;
        }, done, toEdit);

    private async Task<IActionResult> ActAsync(int id, int? revisionId, Who who, Func<ControlledDocument, DocumentRevision, DocumentActor, DateTimeOffset, Task> act, string done, bool toEdit = false)
    {
        var roles = await access.RolesAsync();
        var allowed = who switch
        {
            Who.Author => await IsAuthorAsync(),
            Who.AuthorOrApprover => await IsAuthorAsync() || roles.Contains(CommuneRole.Approver),
            _ => roles.Count > 0 || access.IsPlatformAdmin,
        };
        if (!allowed)
        {
            return Forbid();
        }

        var document = await db.Set<ControlledDocument>().Include(d => d.Revisions).FirstOrDefaultAsync(d => d.Id == id);
        if (document is null)
        {
            return NotFound();
        }

        var revision = revisionId is { } rid ? document.Revisions.FirstOrDefault(r => r.Id == rid) : document.Revisions.MaxBy(r => r.Number);
        if (revision is null)
        {
            return NotFound();
        }

        try
        {
            await act(document, revision, await library.ActorAsync(), clock.GetUtcNow());
            await db.SaveChangesAsync();
            TempData["Message"] = done;
        }
        catch (DomainException e)
        {
            TempData["Error"] = e.Message;
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Error"] = "Tài liệu vừa được người khác thay đổi; thao tác của bạn chưa được ghi. Hãy xem lại trang và thử lại.";
        }

        return toEdit && TempData["Error"] is null ? Redirect($"/{Slug}/tai-lieu/{id}/sua") : Redirect($"/{Slug}/tai-lieu/{id}");
    }

    // A platform administrator may help with the library but never signs for the commune's leadership.
    private async Task<bool> IsApproverAsync() => (await access.RolesAsync()).Contains(CommuneRole.Approver);

    private async Task<bool> IsAuthorAsync() => await access.HasRoleAsync(CommuneRole.QualitySecretary, CommuneRole.CommuneAdmin);

    public sealed record Header(int Id, string Code, string Title, DocumentKind Kind, string Owner, int ReviewIntervalMonths, string TthcCodes, string LegalBases,
        bool IsPublic, RevisionStatus Status, RevisionStatus? PendingStatus, int IssueNumber, DateOnly? EffectiveDate, DateOnly? NextReviewDate, int Version);

    public sealed record RevisionRow(int Id, int Number, RevisionStatus Status, string Title, string? ChangeSummary, int? IssueNumber, DateOnly? EffectiveDate,
        DateOnly? EndDate, string AuthorName, string? AuthorTitle, DateTimeOffset CreatedAt, string? SubmitterName, string? SubmitterTitle, DateTimeOffset? SubmittedAt,
        string? ApproverName, string? ApproverTitle, DateTimeOffset? ApprovedAt, string? RejectionReason, string? ApproverId, string? IssuerId, string? IssuerName,
        string? IssuerTitle, DateTimeOffset? IssuedAt, string ContributorIds, string? ReviewerId, string? ReviewerName, string? ReviewerTitle, DateTimeOffset? ReviewedAt,
        string? ReviewComment)
    {
        public bool AwaitsReview => Status == RevisionStatus.InReview && ReviewerId is not null && ReviewedAt is null;

        public Validity On(DateOnly day) => RevisionValidity.On(Status, EffectiveDate, EndDate, day);

        public string Label(DateOnly day) => RevisionValidity.Label(Status, EffectiveDate, EndDate, day, AwaitsReview);

        public string Badge(DateOnly day) => RevisionValidity.Badge(Status, EffectiveDate, EndDate, day);
    }

    public sealed record EventRow(int RevisionNumber, DocumentAction Action, string ActorName, DateTimeOffset At, string? Reason, DateOnly? EffectiveDate);

    public sealed record AttachmentRow(int Id, string FileName, long Size);

    public sealed record UpdateRow(int Id, string Number, string Title, DateOnly EffectiveDate, DateOnly DueDate, DateTimeOffset? ResolvedAt, string? ResolvedBy, string? Resolution);

    public sealed record AckRow(string UserName, DateTimeOffset At);

    public sealed record Coverage(IReadOnlyList<AckRow> Acknowledged, IReadOnlyList<string> Pending);
}
