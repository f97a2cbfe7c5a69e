using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Audits;
using QmsPortal.Web.Features.Documents;
using QmsPortal.Web.Features.Tthc;
using QmsPortal.Web.Tenancy;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Provinces.Compliance;

/// <summary>
/// Reads the compliance table of a province (or one commune's row of it) on a day, with a fixed number of projection
/// queries however many communes there are. The rules are those of the features that own them: the four steps from
/// <see cref="IsoStatus.Derive"/> over <see cref="IsoFactsGathering"/>, posting completeness from
/// <see cref="PostingCompleteness.State"/> and <see cref="PostingCompleteness.Score"/>, overdue items as the reminder rules
/// count them (open and due before the day).
/// </summary>
/// <remarks>
/// What is dated is read as it stood on the day: documents by their effective and end dates, milestones, announcements,
/// corrective actions by their history, legal-change items by registration and resolution, objective values by month,
/// citizen reports by when they came in. What keeps no history is read as it is now, compared with the day (the page says
/// so): postings and their catalogue versions, a document's next review date, and whether a citizen report was handled.
/// </remarks>
public sealed class ProvinceCompliance(QmsDbContext db, TimeProvider clock)
{
    public DateOnly Today => VietnameseFormat.Today(clock);

    public Task<IReadOnlyList<ComplianceRow>> LoadAsync(string provinceCode, DateOnly asOf, CancellationToken cancellationToken = default) =>
        LoadAsync(db.Tenants.Where(t => t.ProvinceCode == provinceCode && t.Status == TenantStatus.Active), provinceCode, asOf, cancellationToken);

    public async Task<ComplianceRow?> LoadCommuneAsync(int tenantId, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var province = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.ProvinceCode).FirstOrDefaultAsync(cancellationToken);
        return province is null ? null
            : (await LoadAsync(db.Tenants.Where(t => t.Id == tenantId), province, asOf, cancellationToken)).SingleOrDefault();
    }

    private async Task<IReadOnlyList<ComplianceRow>> LoadAsync(IQueryable<Tenant> communes, string provinceCode, DateOnly asOf, CancellationToken cancellationToken)
    {
        // Tenants carries no tenant filter: the province (or the one commune) is the scope given by the caller.
        var list = await communes.AsNoTracking().OrderBy(t => t.Name).ThenBy(t => t.Id)
            .Select(t => new { t.Id, t.Slug, t.Name, t.Code }).ToListAsync(cancellationToken);
        if (list.Count == 0)
        {
            return [];
        }

        var ids = communes.Select(t => t.Id);
        var iso = await new IsoFactsGathering(db).ForCommunesAsync(ids, asOf, cancellationToken);
        var actions = await CorrectiveActionsAsync(ids, asOf, cancellationToken);

        // Across communes on purpose (the province reads all of its communes); the id set is the scope.
        var reviewsOverdue = await Of<ControlledDocument>()
            .Where(d => ids.Contains(d.TenantId) && d.Status == RevisionStatus.Issued && d.NextReviewDate != null && d.NextReviewDate < asOf)
            .GroupBy(d => d.TenantId).Select(g => new { TenantId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.TenantId, x => x.Count, cancellationToken);

        var postings = await PostingsAsync(ids, provinceCode, cancellationToken);

        // Across communes on purpose; the received instant is compared with the day here (SQLite cannot compare it in SQL).
        var reports = (await Of<TthcFeedback>().Where(f => ids.Contains(f.TenantId) && f.Status == FeedbackStatus.New)
                .Select(f => new { f.TenantId, f.CreatedAt }).ToListAsync(cancellationToken))
            .Where(f => LocalDay(f.CreatedAt) <= asOf).GroupBy(f => f.TenantId).ToDictionary(g => g.Key, g => g.Count());

        var objectives = await ObjectivesAsync(ids, asOf, cancellationToken);

        return list.Select(c =>
        {
            var facts = iso.GetValueOrDefault(c.Id) ?? CommuneIsoFacts.Empty(asOf);
            var status = IsoStatus.Derive(facts.Facts);
            var ca = actions.GetValueOrDefault(c.Id);
            var states = postings[c.Id].ToList();
            return new ComplianceRow(
                c.Id, c.Slug, c.Name, c.Code, asOf,
                ComplianceSteps.Of(status, facts),
                facts.Facts.LastInternalAudit, facts.Facts.LastManagementReview,
                ca.Open, ca.Overdue,
                reviewsOverdue.GetValueOrDefault(c.Id),
                facts.Facts.OverdueLegalUpdates,
                states.Any(s => s.Status == PostingStatus.Posted) ? PostingCompleteness.Score(states) : null,
                states.Count(s => s.Status == PostingStatus.Posted && s.IsStale),
                reports.GetValueOrDefault(c.Id),
                objectives.GetValueOrDefault((c.Id, DeskMeasure.OnTimeRate)),
                objectives.GetValueOrDefault((c.Id, DeskMeasure.Satisfaction)),
                facts.LastMilestonePaths.GetValueOrDefault(IsoMilestoneKind.InternalAudit),
                facts.LastMilestonePaths.GetValueOrDefault(IsoMilestoneKind.ManagementReview));
        }).ToList();
    }

    /// <summary>
    /// Open and overdue corrective actions on the day, counted as <see cref="Audits.Reminders.CorrectiveActionDueRule"/>
    /// counts them: open (planned, or reopened after a "not effective" check), overdue when also past the due date. Today
    /// that is the action's status, counted in the database; on a past day, the last step of each action's history by then.
    /// The due date is the current one (a reopened action's earlier due date is not kept).
    /// </summary>
    private async Task<Dictionary<int, (int Open, int Overdue)>> CorrectiveActionsAsync(IQueryable<int> ids, DateOnly asOf, CancellationToken cancellationToken)
    {
        if (asOf >= Today)
        {
            // Across communes on purpose; the id set is the scope.
            return (await Of<CorrectiveAction>().Where(a => ids.Contains(a.TenantId) && a.Status == CorrectiveActionStatus.Open)
                    .GroupBy(a => a.TenantId).Select(g => new { TenantId = g.Key, Open = g.Count(), Overdue = g.Count(a => a.DueDate < asOf) })
                    .ToListAsync(cancellationToken))
                .ToDictionary(x => x.TenantId, x => (x.Open, x.Overdue));
        }

        // Across communes on purpose; event instants are compared with the day here (SQLite cannot compare them in SQL).
        var events = await Of<CorrectiveActionEvent>().Where(e => ids.Contains(e.TenantId))
            .Join(Of<CorrectiveAction>(), e => e.CorrectiveActionId, a => a.Id, (e, a) => new { a.TenantId, a.Id, a.DueDate, e.Change, e.At, EventId = e.Id })
            .ToListAsync(cancellationToken);
        return events.Where(e => LocalDay(e.At) <= asOf).GroupBy(e => e.Id)
            .Select(g => g.MaxBy(e => (e.At, e.EventId))!)
            .Where(e => e.Change is CorrectiveActionChange.Planned or CorrectiveActionChange.CheckedNotEffective)
            .GroupBy(e => e.TenantId)
            .ToDictionary(g => g.Key, g => (g.Count(), g.Count(e => e.DueDate < asOf)));
    }

    /// <summary>
    /// Every posting of the communes (as it is now: postings keep no dated history of their status) with its completeness
    /// state (without its name and field, which no figure needs). The province's catalogue is read once, and a state is
    /// worked out once per catalogue version shown.
    /// </summary>
    private async Task<ILookup<int, PostingState>> PostingsAsync(IQueryable<int> ids, string provinceCode, CancellationToken cancellationToken)
    {
        // Across communes on purpose; the posting's shown catalogue version is its current revision's.
        var postings = await Of<TthcPosting>().Where(p => ids.Contains(p.TenantId) && p.Status != PostingStatus.Draft)
            .Join(Of<TthcPostingRevision>(), p => new { PostingId = p.Id, Number = p.CurrentRevision }, r => new { PostingId = r.TthcPostingId, r.Number },
                (p, r) => new { p.TenantId, p.Id, p.Code, p.Status, p.CatalogueProcedureId, Shown = r.CatalogueVersionNumber, p.InIsoScope, p.WorkProcedureCode })
            .ToListAsync(cancellationToken);

        // The catalogue is province data, not commune data: every query names the province.
        var versions = await db.Set<CatalogueVersion>().AsNoTracking()
            .Join(db.Set<CatalogueProcedure>().Where(c => c.ProvinceCode == provinceCode), v => v.CatalogueProcedureId, c => c.Id,
                (v, c) => new { Version = v, c.CurrentVersion })
            .ToListAsync(cancellationToken);
        var byProcedure = versions.ToLookup(v => v.Version.CatalogueProcedureId);
        var states = new Dictionary<(int Procedure, int Shown, bool MissingProcedure), PostingState?>();
        PostingState? StateOf(int procedure, int shown, bool missingProcedure)
        {
            if (!states.TryGetValue((procedure, shown, missingProcedure), out var state))
            {
                var of = byProcedure[procedure].ToList();
                var shownVersion = of.FirstOrDefault(v => v.Version.Number == shown);
                var latest = of.FirstOrDefault(v => v.Version.Number == v.CurrentVersion);
                state = shownVersion is null || latest is null ? null
                    : PostingCompleteness.State(0, "", "", "", PostingStatus.Posted, shownVersion.Version, latest.Version, missingProcedure, null);
                states[(procedure, shown, missingProcedure)] = state;
            }

            return state;
        }

        return postings
            .Select(p => (p.TenantId, State: StateOf(p.CatalogueProcedureId, p.Shown, p.InIsoScope && string.IsNullOrWhiteSpace(p.WorkProcedureCode)) is { } s
                ? s with { Id = p.Id, Code = p.Code, Status = p.Status, WorkProcedureCode = p.WorkProcedureCode }
                : null))
            .Where(x => x.State is not null)
            .ToLookup(x => x.TenantId, x => x.State!);
    }

    /// <summary>Per commune and desk measure, the latest monthly value up to the day of its active objective (the first one, if several).</summary>
    private async Task<Dictionary<(int, DeskMeasure), ObjectiveReading>> ObjectivesAsync(IQueryable<int> ids, DateOnly asOf, CancellationToken cancellationToken)
    {
        // Across communes on purpose; the id set is the scope. Only each objective's latest month up to the day is read.
        var values = await Of<QualityObjective>()
            .Where(o => ids.Contains(o.TenantId) && o.IsActive && (o.Measure == DeskMeasure.OnTimeRate || o.Measure == DeskMeasure.Satisfaction))
            .Join(Of<ObjectiveValue>().Where(v => v.Month <= asOf), o => o.Id, v => v.ObjectiveId,
                (o, v) => new { o.TenantId, ObjectiveId = o.Id, o.Measure, o.Target, o.Direction, v.Month, v.Value })
            .Where(x => x.Month == Of<ObjectiveValue>().Where(w => w.ObjectiveId == x.ObjectiveId && w.Month <= asOf).Max(w => w.Month))
            .ToListAsync(cancellationToken);
        return values.GroupBy(v => (v.TenantId, v.Measure)).ToDictionary(g => g.Key, g =>
        {
            var first = g.Min(v => v.ObjectiveId);
            var latest = g.Where(v => v.ObjectiveId == first).MaxBy(v => v.Month)!;
            return new ObjectiveReading(latest.Value, latest.Month, latest.Target, QualityObjective.Meets(latest.Direction, latest.Target, latest.Value), latest.ObjectiveId);
        });
    }

    /// <summary>A commune table read across communes: every caller filters it by the province's commune ids.</summary>
    private IQueryable<T> Of<T>() where T : class, ITenantOwned => db.Set<T>().IgnoreQueryFilters().AsNoTracking();

    private static DateOnly LocalDay(DateTimeOffset instant) => DateOnly.FromDateTime(VietnameseFormat.Local(instant).DateTime);
}
