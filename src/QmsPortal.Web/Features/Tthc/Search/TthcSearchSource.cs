using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using QmsPortal.Web.Data;
using QmsPortal.Web.Search;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Tthc.Search;

/// <summary>
/// Posted TTHC as a citizen reads them on <c>/{slug}/thu-tuc/{code}</c>: the posting's current revision, by the same
/// rule as the public pages (<see cref="PublicTthc.IsPublic"/>), and only what the detail page states as fact — a field
/// the province left unconfirmed is shown as "chưa xác nhận" there, so it is not searchable here either.
/// </summary>
public sealed class TthcSearchSource : ISearchSource
{
    public string Kind => "thu-tuc";

    public string KindName => "Thủ tục hành chính";

    // Catalogue versions are immutable and a posting only shows a new one by adding a revision row, so these two are all.
    public IReadOnlyCollection<Type> Watches { get; } = [typeof(TthcPosting), typeof(TthcPostingRevision)];

    public int? ItemOf(EntityEntry entry) => entry.Entity switch
    {
        TthcPosting posting => posting.Id,
        TthcPostingRevision => Value(entry, nameof(TthcPostingRevision.TthcPostingId)),
        _ => null,
    };

    public async Task<IReadOnlyList<SearchItem>> LoadAsync(QmsDbContext db, IReadOnlyCollection<int> itemIds, CancellationToken cancellationToken)
    {
        var ids = itemIds.Distinct().ToList();
        // The indexer serves every commune: the tenant filter is lifted and each row carries its own commune.
        var rows = await (
                // Across communes on purpose: the indexer serves every commune; each entry carries its own row's commune.
                from p in db.Set<TthcPosting>().IgnoreQueryFilters().Where(PublicTthc.IsPublic)
                // Across communes on purpose: the indexer serves every commune; each entry carries its own row's commune.
                join r in db.Set<TthcPostingRevision>().IgnoreQueryFilters()
                    on new { PostingId = p.Id, Number = p.CurrentRevision } equals new { PostingId = r.TthcPostingId, r.Number }
                join v in db.Set<CatalogueVersion>() on r.CatalogueVersionId equals v.Id
                join t in db.Tenants on p.TenantId equals t.Id
                where ids.Contains(p.Id)
                select new { p.Id, p.TenantId, t.ProvinceCode, p.Code, p.LocalFeeNote, r.AcceptedAt, v.ContentJson })
            .AsNoTracking().ToListAsync(cancellationToken);
        return rows.Select(row => Item(row.Id, row.TenantId, row.ProvinceCode, row.Code, row.LocalFeeNote, row.AcceptedAt,
            ProcedureContent.FromJson(row.ContentJson))).ToList();
    }

    public async IAsyncEnumerable<int> AllItemIdsAsync(QmsDbContext db, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Across communes on purpose: the indexer serves every commune; each entry carries its own row's commune.
        await foreach (var id in db.Set<TthcPosting>().IgnoreQueryFilters().Where(PublicTthc.IsPublic).OrderBy(p => p.Id).Select(p => p.Id)
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return id;
        }
    }

    private SearchItem Item(int id, int tenantId, string provinceCode, string code, string? localFeeNote, DateTimeOffset acceptedAt, ProcedureContent c)
    {
        string? Fact(string key, string? value) => c.IsUnconfirmed(key) ? null : value;

        IEnumerable<string?> papers = c.IsUnconfirmed(ProcedureFields.Papers)
            ? []
            : c.Cases.SelectMany(x => x.Papers).SelectMany(p => new[] { p.Name, p.Form });
        IEnumerable<LegalBasis> legalBases = c.IsUnconfirmed(ProcedureFields.LegalBases) ? [] : c.LegalBases;
        IEnumerable<string?> fees = c.IsUnconfirmed(ProcedureFields.Fee) ? [] : c.Channels.Select(ch => ch.Fee).Prepend(c.FeeText);
        IEnumerable<string?> caseNames = c.IsUnconfirmed(ProcedureFields.Papers) ? [] : c.Cases.Select(x => x.Name);
        IEnumerable<string?> steps = c.IsUnconfirmed(ProcedureFields.Steps) ? [] : c.Steps;
        var body = new string?[] { c.Field, string.Join(' ', c.Aliases) }
            .Concat(caseNames)
            .Append(Fact(ProcedureFields.Applicants, c.Applicants))
            .Append(Fact(ProcedureFields.HandlingBody, c.HandlingBody))
            .Concat(steps)
            .Append(Fact(ProcedureFields.Conditions, c.Conditions))
            .Concat(fees)
            .Append(c.FeeExemption)
            .Append(localFeeNote)
            .Append(Fact(ProcedureFields.Result, c.Result))
            .Concat(legalBases.Select(l => l.Title));
        return new SearchItem(Kind, id, tenantId, provinceCode, SearchAudience.Public,
            Title: VietnameseText.Normalize(c.Name),
            Code: code,
            PathInCommune: "thu-tuc/" + Uri.EscapeDataString(code),
            Papers: Lines(papers.Concat(c.Forms.Select(f => f.Name)).Distinct()),
            Body: Lines(body))
        {
            Codes = legalBases.Select(l => (string?)l.Number).Append(c.Decision?.Number).Concat(c.Aliases)
                .Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => VietnameseText.Normalize(n!).Trim()).Distinct().ToList(),
            Date = DateOnly.FromDateTime(VietnameseFormat.Local(acceptedAt).DateTime),
        };
    }

    private static string Lines(IEnumerable<string?> parts) =>
        string.Join('\n', parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => VietnameseText.Normalize(p).Trim()));

    /// <summary>A foreign key as it was before a deletion (the row's values are gone after it), else as it is now.</summary>
    private static int? Value(EntityEntry entry, string property)
    {
        var p = entry.Property(property);
        return (int?)(entry.State == EntityState.Deleted ? p.OriginalValue : p.CurrentValue);
    }
}
