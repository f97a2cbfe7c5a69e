using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Documents;
using QmsPortal.Web.Features.Tthc;

namespace QmsPortal.Web.Features.Audits.Findings;

/// <summary>A citizen's "Báo sai sót" report as a finding shows it.</summary>
public sealed record CitizenReport(int Id, string Reference, string Code, string Message, DateTimeOffset CreatedAt, string? FindingReference);

/// <summary>
/// The one place findings reach into other features (the issue lets audit records read documents and TTHC): the codes
/// a finding may be about — TTHC the commune has posted, documents of its library — and the citizens' reports a finding
/// may come from. Turning a report into a finding also marks the report, so the feedback list shows the finding.
/// </summary>
public sealed class FindingLookup(QmsDbContext db)
{
    public Task<List<string>> PostedTthcCodesAsync(CancellationToken cancellationToken = default) =>
        db.Set<TthcPosting>().AsNoTracking().Where(p => p.Status == PostingStatus.Posted).OrderBy(p => p.Code).Select(p => p.Code).ToListAsync(cancellationToken);

    public Task<List<string>> DocumentCodesAsync(CancellationToken cancellationToken = default) =>
        db.Set<ControlledDocument>().AsNoTracking().OrderBy(d => d.Code).Select(d => d.Code).ToListAsync(cancellationToken);

    /// <summary>Checks that a TTHC or document subject is one of the commune's codes and returns it as written there.</summary>
    public async Task<string?> CheckSubjectAsync(FindingSubject kind, string? subject, CancellationToken cancellationToken = default)
    {
        var value = (subject ?? "").Trim();
        if (value.Length == 0 || kind is FindingSubject.Process or FindingSubject.Other)
        {
            return subject;
        }

        var codes = kind == FindingSubject.Tthc ? await PostedTthcCodesAsync(cancellationToken) : await DocumentCodesAsync(cancellationToken);
        return codes.FirstOrDefault(c => string.Equals(c, value, StringComparison.OrdinalIgnoreCase))
            ?? throw new DomainException(kind == FindingSubject.Tthc
                ? $"Mã TTHC \"{value}\" không có trong danh sách thủ tục xã đang niêm yết."
                : $"Mã tài liệu \"{value}\" không có trong thư viện tài liệu của xã.", "Subject");
    }

    public Task<CitizenReport?> ReportAsync(int id, CancellationToken cancellationToken = default) =>
        db.Set<TthcFeedback>().AsNoTracking().Where(f => f.Id == id)
            .Select(f => new CitizenReport(f.Id, f.Reference, f.Code, f.Message, f.CreatedAt, f.FindingReference)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Marks the report as taken up by the finding, in the caller's unit of work.</summary>
    public async Task LinkReportAsync(int id, string findingReference, CancellationToken cancellationToken = default)
    {
        var report = await db.Set<TthcFeedback>().SingleAsync(f => f.Id == id, cancellationToken);
        report.TurnIntoFinding(findingReference);
    }
}
