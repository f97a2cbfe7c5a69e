using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Documents;

/// <summary>
/// The commune's procedure library: every controlled document, filtered by kind, state, overdue review or pending legal
/// update, each with what applies today (in force, to come on a date, or a recipe template the commune has not adopted),
/// and the drafts waiting for the signed-in member's review.
/// </summary>
[Authorize(Policy = CommunePolicies.Reader)]
public sealed class IndexModel(QmsDbContext db, TenantContext tenant, CommuneAccess access, DocumentLibrary library) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "loai")]
    public DocumentKind? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "trangThai")]
    public RevisionStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "quaHan")]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true, Name = "canCapNhat")]
    public bool NeedsUpdate { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<ToReview> MyReviews { get; private set; } = [];
    public bool CanAuthor { get; private set; }

    /// <summary>Read acknowledgements are a member's; a province auditor reads the library without a link that would refuse them.</summary>
    public bool IsMember { get; private set; }

    public bool CanManage { get; private set; }
    public DateOnly Today { get; private set; }
    public string Slug => tenant.Required.Slug;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = library.Today;
        CanAuthor = await access.HasRoleAsync(CommuneRole.QualitySecretary, CommuneRole.CommuneAdmin);
        CanManage = await access.HasRoleAsync(CommuneRole.CommuneAdmin);
        IsMember = access.IsPlatformAdmin || (await access.RolesAsync(cancellationToken)).Count > 0;
        var query = db.Set<ControlledDocument>().AsNoTracking();
        if (Kind is { } kind)
        {
            query = query.Where(d => d.Kind == kind);
        }

        if (Status is { } status)
        {
            query = query.Where(d => d.Status == status || d.PendingStatus == status);
        }

        var today = Today;
        if (Overdue)
        {
            query = query.Where(d => d.NextReviewDate < today);
        }

        var items = db.Set<LegalChangeItem>().Where(i => i.ResolvedAt == null);
        if (NeedsUpdate)
        {
            query = query.Where(d => items.Any(i => i.DocumentId == d.Id));
        }

        var documents = await query.OrderBy(d => d.Code)
            .Select(d => new { d.Id, d.Code, d.Title, d.Kind, d.Status, d.PendingStatus, d.NextReviewDate, OpenUpdates = items.Count(i => i.DocumentId == d.Id) })
            .ToListAsync(cancellationToken);
        var standings = await library.StandingsAsync(cancellationToken);
        var awaitingReview = (await db.Set<DocumentRevision>().AsNoTracking()
                .Where(r => r.Status == RevisionStatus.InReview && r.ReviewerId != null && r.ReviewedAt == null).Select(r => r.DocumentId).ToListAsync(cancellationToken))
            .ToHashSet();
        Rows = documents.Select(d => new Row(d.Id, d.Code, d.Title, d.Kind, d.Status, d.PendingStatus, d.NextReviewDate, d.OpenUpdates,
            standings.GetValueOrDefault(d.Id, DocumentStanding.None), awaitingReview.Contains(d.Id))).ToList();
        var me = library.UserId;
        MyReviews = await db.Set<DocumentRevision>().AsNoTracking()
            .Where(r => r.Status == RevisionStatus.InReview && r.ReviewerId == me && r.ReviewedAt == null)
            .Join(db.Set<ControlledDocument>(), r => r.DocumentId, d => d.Id, (r, d) => new { r, d })
            .OrderBy(x => x.d.Code)
            .Select(x => new ToReview(x.d.Id, x.r.Id, x.d.Code, x.r.Title, x.r.SubmitterName, x.r.SubmittedAt)).ToListAsync(cancellationToken);
    }

    /// <summary>A document as the library lists it: <see cref="Status"/> and <see cref="PendingStatus"/> say what was done, <see cref="Standing"/> what applies today.</summary>
    public sealed record Row(int Id, string Code, string Title, DocumentKind Kind, RevisionStatus Status, RevisionStatus? PendingStatus,
        DateOnly? NextReviewDate, int OpenUpdates, DocumentStanding Standing, bool AwaitingReview);

    public sealed record ToReview(int DocumentId, int RevisionId, string Code, string Title, string? SubmitterName, DateTimeOffset? SubmittedAt);
}
