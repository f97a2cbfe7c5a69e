using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;

namespace QmsPortal.Web.Features.Documents;

/// <summary>
/// One commune's <see cref="IsoFacts"/> on a day, with the dates a province needs to date each step: the day the commune's
/// own policy, objectives and procedures had all first taken effect, and the first and last dated record of each milestone.
/// </summary>
public sealed record CommuneIsoFacts(
    IsoFacts Facts,
    DateOnly? BuiltOn,
    IReadOnlyDictionary<IsoMilestoneKind, DateOnly> FirstMilestones,
    IReadOnlyDictionary<IsoMilestoneKind, string> LastMilestonePaths)
{
    public static CommuneIsoFacts Empty(DateOnly day) => new(
        new IsoFacts(IsoDocumentFacts.None, IsoDocumentFacts.None, IsoDocumentFacts.None, null, null, null, null, new HashSet<string>(), 0, day),
        null, new Dictionary<IsoMilestoneKind, DateOnly>(), new Dictionary<IsoMilestoneKind, string>());
}

/// <summary>
/// Gathers what the four-step ISO status reads, for one commune (its ISO pages) or every commune of a province at once
/// (the province's compliance table), with the same five queries whatever the number of communes. Everything is read as
/// it stood on <c>day</c>: revisions by their effective and end dates, milestones, announcements and postings by their
/// dates, legal-change items by their due and resolution dates.
/// </summary>
public sealed class IsoFactsGathering(QmsDbContext db)
{
    public async Task<CommuneIsoFacts> ForCommuneAsync(int tenantId, DateOnly day, CancellationToken cancellationToken = default) =>
        (await ForCommunesAsync(db.Tenants.Where(t => t.Id == tenantId).Select(t => t.Id), day, cancellationToken))
            .GetValueOrDefault(tenantId) ?? CommuneIsoFacts.Empty(day);

    /// <summary>The facts of every commune in <paramref name="communeIds"/> that has any record; a commune without one is absent (use <see cref="CommuneIsoFacts.Empty"/>).</summary>
    public async Task<IReadOnlyDictionary<int, CommuneIsoFacts>> ForCommunesAsync(IQueryable<int> communeIds, DateOnly day, CancellationToken cancellationToken = default)
    {
        // Across communes on purpose (a province reads all of its communes); the id set passed in is the only scope. Read from
        // the documents of the kinds the steps count (forms and instructions are most of a library), then their issued revisions.
        var revisions = await Of<ControlledDocument>().Where(d => communeIds.Contains(d.TenantId) && d.IssueNumber > 0 && CountedKinds.Contains(d.Kind))
            .Join(Of<DocumentRevision>().Where(r => r.IssueNumber != null && r.EffectiveDate != null), d => d.Id, r => r.DocumentId, (d, r) => new
            {
                d.TenantId, d.Kind, d.TthcCodes,
                Row = new IssuedRow(r.DocumentId, r.Id, r.IssueNumber!.Value, r.Status, r.EffectiveDate!.Value, r.EndDate, r.ApproverId, r.IssuerId),
            })
            .ToListAsync(cancellationToken);

        // Only facts written by a record count; rows typed before audit records existed are shown, not counted.
        var milestones = await Of<IsoMilestone>().Where(e => communeIds.Contains(e.TenantId) && e.RecordPath != null && e.Date <= day)
            .Select(e => new { e.TenantId, e.Kind, e.Date, e.Id, e.RecordPath }).ToListAsync(cancellationToken);

        var announcements = await Of<ConformityAnnouncement>().Where(a => communeIds.Contains(a.TenantId) && a.DecisionDate <= day)
            .Select(a => new { a.TenantId, a.Id, a.DecisionNumber, a.DecisionDate, a.SignerName, a.SignerTitle, a.Scope, a.PostedOn, a.PostingPlace })
            .ToListAsync(cancellationToken);

        // Resolution and registration are instants (not comparable in SQL on SQLite): the few items past due are compared here.
        var legal = await Of<LegalChangeItem>().Where(i => communeIds.Contains(i.TenantId) && i.DueDate < day)
            .Join(Of<LegalText>(), i => i.LegalTextId, t => t.Id, (i, t) => new { i.TenantId, i.ResolvedAt, Registered = t.CreatedAt })
            .ToListAsync(cancellationToken);
        var overdueLegal = legal.Where(i => LocalDay(i.Registered) <= day && (i.ResolvedAt is not { } at || LocalDay(at) > day))
            .GroupBy(i => i.TenantId).ToDictionary(g => g.Key, g => g.Count());

        var revisionsOf = revisions.ToLookup(r => r.TenantId);
        var milestonesOf = milestones.ToLookup(m => m.TenantId);
        var announcementOf = announcements.GroupBy(a => a.TenantId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.DecisionDate).ThenByDescending(a => a.Id).First());
        var result = new Dictionary<int, CommuneIsoFacts>();
        foreach (var tenantId in revisionsOf.Select(g => g.Key).Concat(milestonesOf.Select(g => g.Key)).Concat(announcementOf.Keys).Concat(overdueLegal.Keys).Distinct())
        {
            var documents = revisionsOf[tenantId].GroupBy(r => r.Row.DocumentId)
                .Select(g => new IssuedDocument(g.First().Kind, g.First().TthcCodes, DocumentStanding.Of(g.Select(r => r.Row), day), g.Select(r => r.Row).ToList()))
                .ToList();
            IsoDocumentFacts Facts(Func<DocumentKind, bool> kind)
            {
                var of = documents.Where(d => kind(d.Kind)).Select(d => d.Standing).ToList();
                return new IsoDocumentFacts(
                    of.Count(s => s.InForceAsCommunes),
                    of.Count(s => s.InForce is { IsTemplate: true }),
                    of.Where(s => s.Upcoming is { IsTemplate: false }).Select(s => (DateOnly?)s.Upcoming!.EffectiveDate).Min());
            }

            // The first day a commune-issued document of the kind took effect: step 1 holds from the latest of the three.
            DateOnly? FirstIssued(Func<DocumentKind, bool> kind) => documents.Where(d => kind(d.Kind))
                .SelectMany(d => d.Issued).Where(r => !r.IsTemplate && r.EffectiveDate <= day).Select(r => (DateOnly?)r.EffectiveDate).Min();

            Func<DocumentKind, bool>[] kinds = [k => k == DocumentKind.QualityPolicy, k => k == DocumentKind.QualityObjectives, k => k is DocumentKind.SystemProcedure or DocumentKind.TthcProcedure];
            var own = milestonesOf[tenantId].ToList();
            DateOnly? Last(IsoMilestoneKind kind) => own.Where(m => m.Kind == kind).Select(m => (DateOnly?)m.Date).Max();
            var a = announcementOf.GetValueOrDefault(tenantId);
            var scope = documents.Where(d => d.Kind == DocumentKind.TthcProcedure && d.Standing.InForceAsCommunes)
                .SelectMany(d => d.TthcCodes.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet();
            var facts = new IsoFacts(
                Facts(kinds[0]), Facts(kinds[1]), Facts(kinds[2]),
                Last(IsoMilestoneKind.InternalAudit), Last(IsoMilestoneKind.ManagementReview), Last(IsoMilestoneKind.EffectivenessConfirmation),
                a is null ? null : new ConformityAnnouncementFacts(a.DecisionNumber, a.DecisionDate, a.SignerName, a.SignerTitle,
                    a.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(), a.PostedOn <= day ? a.PostedOn : null, a.PostedOn <= day ? a.PostingPlace : null),
                scope, overdueLegal.GetValueOrDefault(tenantId), day);
            var firsts = kinds.Select(FirstIssued).ToList();
            result[tenantId] = new CommuneIsoFacts(
                facts,
                firsts.All(d => d is not null) ? firsts.Max() : null,
                own.GroupBy(m => m.Kind).ToDictionary(g => g.Key, g => g.Min(m => m.Date)),
                own.GroupBy(m => m.Kind).ToDictionary(g => g.Key, g => g.OrderByDescending(m => m.Date).ThenByDescending(m => m.Id).First().RecordPath!));
        }

        return result;
    }

    /// <summary>The kinds of document the first step counts; no other kind changes a commune's facts.</summary>
    private static readonly DocumentKind[] CountedKinds = [DocumentKind.QualityPolicy, DocumentKind.QualityObjectives, DocumentKind.SystemProcedure, DocumentKind.TthcProcedure];

    /// <summary>A commune table read for the given communes (one, or a province's): every caller filters it by their ids.</summary>
    private IQueryable<T> Of<T>() where T : class, ITenantOwned => db.Set<T>().IgnoreQueryFilters().AsNoTracking();

    private static DateOnly LocalDay(DateTimeOffset instant) => DateOnly.FromDateTime(Text.VietnameseFormat.Local(instant).DateTime);

    private sealed record IssuedDocument(DocumentKind Kind, string TthcCodes, DocumentStanding Standing, IReadOnlyList<IssuedRow> Issued);
}
