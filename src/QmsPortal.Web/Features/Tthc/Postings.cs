using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Shared;

namespace QmsPortal.Web.Features.Tthc;

/// <summary>
/// Adopting, accepting and posting a commune's TTHC. Shared by the staff pages and the recipe step; every
/// change that citizens can see evicts the commune's cached public pages.
/// </summary>
public sealed class Postings(QmsDbContext db, TimeProvider clock, PublicPageCache cache)
{
    /// <summary>Adopts catalogue entries of the commune's province (by code); already adopted ones are skipped.</summary>
    public async Task<List<TthcPosting>> AdoptAsync(string provinceCode, IReadOnlyCollection<string>? codes, CancellationToken cancellationToken = default)
    {
        // Province catalogue is outside the tenant filter by design; the province is named explicitly.
        var catalogue = await db.Set<CatalogueProcedure>().Include(p => p.Versions)
            .Where(p => p.ProvinceCode == provinceCode).ToListAsync(cancellationToken);
        var adopted = await db.Set<TthcPosting>().Select(p => p.CatalogueProcedureId).ToListAsync(cancellationToken);
        var result = new List<TthcPosting>();
        foreach (var procedure in catalogue.Where(p => codes is null || codes.Contains(p.Code)))
        {
            if (adopted.Contains(procedure.Id) || procedure.Current.Rescinded)
            {
                continue;
            }

            var posting = TthcPosting.Adopt(procedure, procedure.Current, clock.GetUtcNow());
            db.Add(posting);
            result.Add(posting);
        }

        return result;
    }

    public async Task<TthcPosting?> FindAsync(string code, CancellationToken cancellationToken = default) =>
        await db.Set<TthcPosting>().Include(p => p.Revisions).ThenInclude(r => r.CatalogueVersion)
            .Include(p => p.CatalogueProcedure).ThenInclude(c => c!.Versions)
            .FirstOrDefaultAsync(p => p.Code == code, cancellationToken);

    public static CatalogueVersion ShownVersion(TthcPosting posting) =>
        posting.Revisions.Single(r => r.Number == posting.CurrentRevision).CatalogueVersion!;

    public Task EvictAsync(int tenantId, CancellationToken cancellationToken = default) => cache.EvictAsync(tenantId, cancellationToken);
}

/// <summary>One posting's state for staff and auditors: stale (with what changed and by when) and complete.</summary>
public sealed record PostingState(
    int Id,
    string Code,
    string Name,
    string Field,
    PostingStatus Status,
    int ShownVersion,
    int CatalogueVersion,
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> Changes,
    DateOnly? DueDate,
    bool MissingWorkProcedure,
    string? WorkProcedureCode)
{
    public bool IsStale => CatalogueVersion > ShownVersion;
    public bool IsComplete => Problems.Count == 0;
}

/// <summary>
/// The posting completeness check (legally required fields, currency, linked work procedure) and its score.
/// A plain class so the auditor dashboard can compute the same score per commune.
/// </summary>
public sealed class PostingCompleteness(QmsDbContext db)
{
    public async Task<List<PostingState>> StatesAsync(CancellationToken cancellationToken = default)
    {
        var postings = await db.Set<TthcPosting>().AsNoTracking()
            .Include(p => p.Revisions).ThenInclude(r => r.CatalogueVersion)
            .Include(p => p.CatalogueProcedure).ThenInclude(c => c!.Versions)
            .OrderBy(p => p.Field).ThenBy(p => p.Name)
            .ToListAsync(cancellationToken);
        return postings.Select(State).ToList();
    }

    public static PostingState State(TthcPosting p) =>
        State(p.Id, p.Code, p.Name, p.Field, p.Status, Postings.ShownVersion(p), p.CatalogueProcedure!.Current, p.InIsoScope, p.WorkProcedureCode);

    /// <summary>The same check from a posting's fields and the two catalogue versions, for readers that project rather than load postings.</summary>
    public static PostingState State(int id, string code, string name, string field, PostingStatus status, CatalogueVersion shown, CatalogueVersion latest,
        bool inIsoScope, string? workProcedureCode)
    {
        var problems = ProcedureRules.CompletenessProblems(shown.Content);
        var changes = latest.Number > shown.Number ? ProcedureRules.Differences(shown.Content, latest.Content) : [];
        if (changes.Count > 0)
        {
            problems.Insert(0, $"Chưa cập nhật theo phiên bản mới ({latest.DecisionNumber ?? "không rõ quyết định"}).");
        }

        var missingProcedure = inIsoScope && string.IsNullOrWhiteSpace(workProcedureCode);
        if (missingProcedure)
        {
            problems.Add("Thuộc phạm vi ISO nhưng chưa gắn quy trình nội bộ.");
        }

        return new PostingState(id, code, name, field, status, shown.Number, latest.Number, problems, changes,
            changes.Count > 0 ? latest.EffectiveFrom ?? DateOnly.FromDateTime(latest.CreatedAt.UtcDateTime.AddDays(30)) : null,
            missingProcedure, workProcedureCode);
    }

    /// <summary>Share (0–100) of posted TTHC that are complete and current; 0 when nothing is posted.</summary>
    public static int Score(IReadOnlyCollection<PostingState> states)
    {
        var posted = states.Where(s => s.Status == PostingStatus.Posted).ToList();
        return posted.Count == 0 ? 0 : (int)Math.Round(100.0 * posted.Count(s => s.IsComplete && !s.IsStale) / posted.Count);
    }
}
