using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using QmsPortal.Web.Data;
using QmsPortal.Web.Search;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Documents.Search;

/// <summary>
/// Controlled documents as the library and the public ISO page show them, one item per document with up to three
/// entries: the issued revision readers open by default (in force today, else the one to come, else the last one
/// issued, labelled as ended); the revision being prepared ("nhap", drafters only); and the copy on <c>/{slug}/iso</c>
/// ("cong-khai", everyone) by the public page's own rule: public, issued, in force or to come, of a kind the page
/// lists, with the text only for the quality policy and objectives.
/// </summary>
/// <remarks>
/// Which revision applies depends on the day, not only on saved rows: <see cref="ChangingOn"/> names the documents whose
/// entries change on a day, so a daily pass can feed them.
/// </remarks>
public sealed partial class DocumentSearchSource(TimeProvider clock) : ISearchSource
{
    public const string DraftVariant = "nhap";
    public const string PublicVariant = "cong-khai";

    public string Kind => "tai-lieu";

    public string KindName => "Tài liệu ISO";

    public IReadOnlyCollection<Type> Watches { get; } = [typeof(ControlledDocument), typeof(DocumentRevision)];

    public int? ItemOf(EntityEntry entry) => entry.Entity switch
    {
        ControlledDocument document => document.Id,
        DocumentRevision => (int?)(entry.State == EntityState.Deleted
            ? entry.Property(nameof(DocumentRevision.DocumentId)).OriginalValue
            : entry.Property(nameof(DocumentRevision.DocumentId)).CurrentValue),
        _ => null,
    };

    /// <summary>Documents with a revision taking effect or ending on <paramref name="day"/>: what the library and the ISO page show of them changes that day.</summary>
    public IQueryable<int> ChangingOn(QmsDbContext db, DateOnly day) =>
        // Across communes on purpose: the indexer serves every commune; each entry carries its own row's commune.
        db.Set<DocumentRevision>().IgnoreQueryFilters().Where(r => r.EffectiveDate == day || r.EndDate == day).Select(r => r.DocumentId).Distinct();

    public async Task<IReadOnlyList<SearchItem>> LoadAsync(QmsDbContext db, IReadOnlyCollection<int> itemIds, CancellationToken cancellationToken)
    {
        var ids = itemIds.Distinct().ToList();
        var today = VietnameseFormat.Today(clock);
        // The indexer serves every commune: the tenant filter is lifted and each row carries its own commune.
        var documents = await (
                // Across communes on purpose: the indexer serves every commune; each entry carries its own row's commune.
                from d in db.Set<ControlledDocument>().IgnoreQueryFilters()
                join t in db.Tenants on d.TenantId equals t.Id
                where ids.Contains(d.Id)
                select new Doc(d.Id, d.TenantId, t.ProvinceCode, d.Code, d.Kind, d.Owner, d.TthcCodes, d.LegalBases, d.IsPublic))
            .AsNoTracking().ToListAsync(cancellationToken);
        // Across communes on purpose: the indexer serves every commune; each entry carries its own row's commune.
        var revisions = (await db.Set<DocumentRevision>().IgnoreQueryFilters().AsNoTracking().Where(r => ids.Contains(r.DocumentId))
                .Select(r => new Rev(r.Id, r.DocumentId, r.Number, r.Status, r.IssueNumber, r.EffectiveDate, r.EndDate, r.ApproverId, r.IssuerId,
                    r.UpdatedAt ?? r.CreatedAt))
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.DocumentId);

        var chosen = documents.Select(d => Choose(d, revisions[d.Id].ToList(), today)).ToList();
        await DropOutrankedPoliciesAsync(db, chosen, today, cancellationToken);
        var wanted = chosen.SelectMany(c => new[] { c.Main?.Id, c.Draft?.Id, c.Public?.Id }).OfType<int>().Distinct().ToList();
        // Across communes on purpose: the indexer serves every commune; each entry carries its own row's commune.
        var texts = await db.Set<DocumentRevision>().IgnoreQueryFilters().AsNoTracking().Where(r => wanted.Contains(r.Id))
            .Select(r => new { r.Id, r.Title, r.Body }).ToDictionaryAsync(r => r.Id, r => (r.Title, r.Body), cancellationToken);

        var items = new List<SearchItem>();
        foreach (var c in chosen)
        {
            var d = c.Document;
            var codes = CodesOf(d);
            if (c.Main is { } main)
            {
                var validity = RevisionValidity.On(main.Status, main.EffectiveDate, main.EndDate, today);
                items.Add(Internal(d, main, texts[main.Id], SearchAudience.Readers, "", codes) with
                {
                    PathInCommune = validity == Validity.InForce ? $"tai-lieu/{d.Id}" : $"tai-lieu/{d.Id}?ban={main.Id}",
                    Label = validity == Validity.InForce ? null : RevisionValidity.Label(main.Status, main.EffectiveDate, main.EndDate, today),
                    Date = main.EffectiveDate,
                });
            }

            if (c.Draft is { } draft)
            {
                items.Add(Internal(d, draft, texts[draft.Id], SearchAudience.Drafters, DraftVariant, codes) with
                {
                    Label = "Bản nháp",
                    Date = DateOnly.FromDateTime(VietnameseFormat.Local(draft.ChangedAt).DateTime),
                });
            }

            if (c.Public is { } shown)
            {
                var (title, body) = texts[shown.Id];
                var upcoming = RevisionValidity.On(shown.Status, shown.EffectiveDate, shown.EndDate, today) == Validity.Upcoming;
                var template = IsRecipe(shown.ApproverId) || IsRecipe(shown.IssuerId ?? shown.ApproverId);
                items.Add(new SearchItem(Kind, d.Id, d.TenantId, d.ProvinceCode, SearchAudience.Public, VietnameseText.Normalize(title), d.Code,
                    "iso#" + PublicSection(d.Kind), "", ShowsBody(d.Kind) ? VietnameseText.Normalize(body) : "")
                {
                    Variant = PublicVariant,
                    HasInternalTwin = true,
                    Label = upcoming ? $"Sắp có hiệu lực từ {VietnameseFormat.Date(shown.EffectiveDate!.Value)}" : template ? "Bản mẫu" : null,
                    Date = shown.EffectiveDate,
                });
            }
        }

        return items;
    }

    public async IAsyncEnumerable<int> AllItemIdsAsync(QmsDbContext db, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Across communes on purpose: the indexer serves every commune; each entry carries its own row's commune.
        await foreach (var id in db.Set<ControlledDocument>().IgnoreQueryFilters().OrderBy(d => d.Id).Select(d => d.Id)
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return id;
        }
    }

    /// <summary>
    /// The revisions each entry shows: readers land on the one in force, else the one to come (as the document page does);
    /// a document whose every issue has ended stays in the library, shown with its last issue and labelled as ended.
    /// </summary>
    private static Choice Choose(Doc d, List<Rev> revisions, DateOnly today)
    {
        var issued = revisions.Where(r => r.IssueNumber is not null && r.EffectiveDate is not null).ToList();
        var inForce = issued.Where(r => On(r, today) == Validity.InForce).MaxBy(r => r.EffectiveDate);
        var upcoming = issued.Where(r => On(r, today) == Validity.Upcoming).MinBy(r => r.EffectiveDate);
        var main = inForce ?? upcoming ?? issued.MaxBy(r => r.Number);
        var draft = revisions.Where(r => r.Status is RevisionStatus.Draft or RevisionStatus.InReview or RevisionStatus.Approved).MaxBy(r => r.Number);
        var shownPublicly = d.IsPublic && PublicSection(d.Kind) is not null ? inForce ?? upcoming : null;
        return new Choice(d, main, draft, shownPublicly);
    }

    /// <summary>The public page shows one quality policy: the one in force (else to come) with the latest effective date.</summary>
    private static async Task DropOutrankedPoliciesAsync(QmsDbContext db, List<Choice> chosen, DateOnly today, CancellationToken cancellationToken)
    {
        var tenants = chosen.Where(c => c.Public is not null && c.Document.Kind == DocumentKind.QualityPolicy).Select(c => c.Document.TenantId).Distinct().ToList();
        if (tenants.Count == 0)
        {
            return;
        }

        var candidates = (await (
                    // Across communes on purpose: the indexer serves every commune; each entry carries its own row's commune.
                    from r in db.Set<DocumentRevision>().IgnoreQueryFilters()
                    // Across communes on purpose: the indexer serves every commune; each entry carries its own row's commune.
                    join d in db.Set<ControlledDocument>().IgnoreQueryFilters() on r.DocumentId equals d.Id
                    where tenants.Contains(d.TenantId) && d.IsPublic && d.Kind == DocumentKind.QualityPolicy && r.IssueNumber != null && r.EffectiveDate != null
                    select new { d.TenantId, Rev = new Rev(r.Id, r.DocumentId, r.Number, r.Status, r.IssueNumber, r.EffectiveDate, r.EndDate, r.ApproverId, r.IssuerId, r.CreatedAt) })
                .AsNoTracking().ToListAsync(cancellationToken))
            .GroupBy(x => x.Rev.DocumentId)
            .Select(g =>
            {
                var revs = g.Select(x => x.Rev).ToList();
                var inForce = revs.Where(r => On(r, today) == Validity.InForce).MaxBy(r => r.EffectiveDate);
                var shown = inForce ?? revs.Where(r => On(r, today) == Validity.Upcoming).MinBy(r => r.EffectiveDate);
                return new { g.First().TenantId, Shown = shown, Upcoming = inForce is null };
            })
            .Where(x => x.Shown is not null)
            .ToList();
        var winners = candidates.GroupBy(x => x.TenantId)
            .ToDictionary(g => g.Key, g => g.OrderBy(x => x.Upcoming).ThenByDescending(x => x.Shown!.EffectiveDate).First().Shown!.DocumentId);
        for (var i = 0; i < chosen.Count; i++)
        {
            var c = chosen[i];
            if (c.Public is not null && c.Document.Kind == DocumentKind.QualityPolicy && winners.GetValueOrDefault(c.Document.TenantId) != c.Document.Id)
            {
                chosen[i] = c with { Public = null };
            }
        }
    }

    private SearchItem Internal(Doc d, Rev revision, (string Title, string Body) text, SearchAudience audience, string variant, IReadOnlyList<string> codes) =>
        new(Kind, d.Id, d.TenantId, d.ProvinceCode, audience, VietnameseText.Normalize(text.Title), d.Code, $"tai-lieu/{d.Id}?ban={revision.Id}", "",
            string.Join('\n', new[] { DocumentLabels.Kind(d.Kind), d.Owner, d.LegalBases, text.Body }.Where(s => s.Length > 0).Select(VietnameseText.Normalize)))
        {
            Variant = variant,
            Codes = codes,
        };

    /// <summary>The linked TTHC codes and the numbers of the legal bases ("61/2018/NĐ-CP"), each found whole.</summary>
    private static List<string> CodesOf(Doc d) =>
        d.TthcCodes.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Concat(LegalNumber().Matches(VietnameseText.Normalize(d.LegalBases)).Select(m => m.Value))
            .Distinct().ToList();

    /// <summary>The section of the public ISO page that lists a kind, or null when the page does not list it.</summary>
    private static string? PublicSection(DocumentKind kind) => kind switch
    {
        DocumentKind.QualityPolicy => "chinh-sach",
        DocumentKind.QualityObjectives => "muc-tieu",
        DocumentKind.SystemProcedure or DocumentKind.TthcProcedure => "quy-trinh",
        _ => null,
    };

    private static bool ShowsBody(DocumentKind kind) => kind is DocumentKind.QualityPolicy or DocumentKind.QualityObjectives;

    private static Validity On(Rev r, DateOnly today) => RevisionValidity.On(r.Status, r.EffectiveDate, r.EndDate, today);

    private static bool IsRecipe(string? actorId) => actorId?.StartsWith(DocumentActor.RecipePrefix, StringComparison.Ordinal) == true;

    [GeneratedRegex(@"(?<![\p{L}\d/])\d+(?:/\d{4})?/[\p{L}\d]+(?:-[\p{L}\d]+)*")]
    private static partial Regex LegalNumber();

    private sealed record Doc(int Id, int TenantId, string ProvinceCode, string Code, DocumentKind Kind, string Owner, string TthcCodes, string LegalBases, bool IsPublic);

    private sealed record Rev(int Id, int DocumentId, int Number, RevisionStatus Status, int? IssueNumber, DateOnly? EffectiveDate, DateOnly? EndDate,
        string? ApproverId, string? IssuerId, DateTimeOffset ChangedAt);

    private sealed record Choice(Doc Document, Rev? Main, Rev? Draft, Rev? Public);
}
