namespace QmsPortal.Web.Features.Provinces.Compliance;

/// <summary>
/// One commune's standing on a day, as its province reads it: the compliance table's row, and what the ranking scores.
/// Every figure is computed from the commune's records as they stood on <see cref="AsOf"/>, except where a record keeps no
/// history (see <see cref="ProvinceCompliance"/>). The two paths are the records behind the last audit and review dates,
/// relative to the commune's address (e.g. <c>danh-gia/cuoc-danh-gia/12</c>).
/// </summary>
public sealed record ComplianceRow(
    int TenantId,
    string Slug,
    string Name,
    string Code,
    DateOnly AsOf,
    IReadOnlyList<ComplianceStep> Steps,
    DateOnly? LastInternalAudit,
    DateOnly? LastManagementReview,
    int OpenCorrectiveActions,
    int OverdueCorrectiveActions,
    int DocumentsOverdueForReview,
    int LegalUpdatesOverdue,
    decimal? PostingCompleteness,
    int StalePostings,
    int OpenCitizenReports,
    ObjectiveReading? OnTimeRate,
    ObjectiveReading? Satisfaction,
    string? LastInternalAuditPath = null,
    string? LastManagementReviewPath = null)
{
    /// <summary>How many of the four steps are done, in order (a later step never counts before an earlier one).</summary>
    public int StepsDone => Steps.TakeWhile(s => s.Done).Count();
}

/// <summary>One of the four steps of Quyết định 19/2014/QĐ-TTg and the date the records show it was reached.</summary>
public sealed record ComplianceStep(int Number, string Name, bool Done, DateOnly? Date);

/// <summary>The latest monthly value of a quality objective (a share in %, e.g. 96,02) against its target.</summary>
public sealed record ObjectiveReading(decimal Value, DateOnly Month, decimal Target, bool Met, int? ObjectiveId = null);
