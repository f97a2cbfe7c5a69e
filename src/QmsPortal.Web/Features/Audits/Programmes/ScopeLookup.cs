using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Documents;
using QmsPortal.Web.Features.Tthc;

namespace QmsPortal.Web.Features.Audits.Programmes;

/// <summary>
/// The one place audit planning reads the Documents and Tthc features (read only, through the commune's query filter):
/// what can be put in an audit's scope (issued documents, posted TTHC) and who is responsible for the work in a scope,
/// for the independence rule of <see cref="AuditProgramme.Plan"/>.
/// </summary>
public sealed class ScopeLookup(QmsDbContext db)
{
    public sealed record Item(string Code, string Title);

    /// <summary>Issued procedures, instructions, policy and objectives: the processes an audit looks at (forms and external texts are not processes).</summary>
    public async Task<IReadOnlyList<Item>> IssuedDocumentsAsync(CancellationToken cancellationToken = default) =>
        await db.Set<ControlledDocument>().AsNoTracking()
            .Where(d => d.Status == RevisionStatus.Issued && d.Kind != DocumentKind.Form && d.Kind != DocumentKind.ExternalDocument)
            .OrderBy(d => d.Code).Select(d => new Item(d.Code, d.Title)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Item>> PostedTthcAsync(CancellationToken cancellationToken = default) =>
        await db.Set<TthcPosting>().AsNoTracking().Where(p => p.Status == PostingStatus.Posted)
            .OrderBy(p => p.Code).Select(p => new Item(p.Code, p.Name)).ToListAsync(cancellationToken);

    /// <summary>Titles of the documents and TTHC an audit names, for its page and its printed report (codes no longer there are left out).</summary>
    public async Task<(IReadOnlyDictionary<string, string> Documents, IReadOnlyDictionary<string, string> Tthc)> TitlesAsync(
        IReadOnlyCollection<string> documentCodes, IReadOnlyCollection<string> tthcCodes, CancellationToken cancellationToken = default)
    {
        List<Item> documents = documentCodes.Count == 0 ? [] : await db.Set<ControlledDocument>().AsNoTracking().Where(d => documentCodes.Contains(d.Code))
            .Select(d => new Item(d.Code, d.Title)).ToListAsync(cancellationToken);
        List<Item> tthc = tthcCodes.Count == 0 ? [] : await db.Set<TthcPosting>().AsNoTracking().Where(p => tthcCodes.Contains(p.Code))
            .Select(p => new Item(p.Code, p.Name)).ToListAsync(cancellationToken);
        return (documents.DistinctBy(d => d.Code).ToDictionary(d => d.Code, d => d.Title), tthc.DistinctBy(t => t.Code).ToDictionary(t => t.Code, t => t.Title));
    }

    /// <summary>Refuses codes the commune has not issued or posted (a tampered form), naming the field.</summary>
    public async Task CheckAsync(AuditScope scope, CancellationToken cancellationToken = default)
    {
        var documents = (await IssuedDocumentsAsync(cancellationToken)).Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        if (scope.DocumentCodes.FirstOrDefault(c => !documents.Contains(c)) is { } document)
        {
            throw new DomainException($"Tài liệu {document} không có trong các tài liệu đang hiệu lực của xã.", "DocumentCodes");
        }

        var tthc = (await PostedTthcAsync(cancellationToken)).Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
        if (scope.TthcCodes.FirstOrDefault(c => !tthc.Contains(c)) is { } code)
        {
            throw new DomainException($"Thủ tục {code} không có trong các thủ tục xã đang niêm yết.", "TthcCodes");
        }
    }

    /// <summary>
    /// Everyone who wrote, edited, submitted, approved or issued any revision of the documents in scope; a TTHC code
    /// brings in the work procedures (TTHC procedure documents) that list it.
    /// </summary>
    public async Task<IReadOnlySet<string>> ResponsibleForScopeAsync(AuditScope scope, CancellationToken cancellationToken = default)
    {
        var codes = scope.DocumentCodes.ToHashSet(StringComparer.Ordinal);
        if (scope.TthcCodes.Count > 0)
        {
            var procedures = await db.Set<ControlledDocument>().AsNoTracking().Where(d => d.Kind == DocumentKind.TthcProcedure)
                .Select(d => new { d.Code, d.TthcCodes }).ToListAsync(cancellationToken);
            codes.UnionWith(procedures.Where(p => p.TthcCodes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Intersect(scope.TthcCodes).Any()).Select(p => p.Code));
        }

        if (codes.Count == 0)
        {
            return new HashSet<string>();
        }

        var ids = db.Set<ControlledDocument>().Where(d => codes.Contains(d.Code)).Select(d => d.Id);
        var people = await db.Set<DocumentRevision>().AsNoTracking().Where(r => ids.Contains(r.DocumentId))
            .Select(r => new { r.AuthorId, r.ContributorIds, r.SubmitterId, r.ApproverId, r.IssuerId }).ToListAsync(cancellationToken);
        var responsible = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in people)
        {
            responsible.UnionWith(p.ContributorIds.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            responsible.UnionWith(new[] { p.AuthorId, p.SubmitterId, p.ApproverId, p.IssuerId }.OfType<string>());
        }

        return responsible;
    }
}
