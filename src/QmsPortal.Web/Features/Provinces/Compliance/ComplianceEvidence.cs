namespace QmsPortal.Web.Features.Provinces.Compliance;

/// <summary>A column of the compliance table (and a figure the ranking scores).</summary>
public enum ComplianceColumn
{
    Commune,
    Step1,
    Step2,
    Step3,
    Step4,
    LastInternalAudit,
    LastManagementReview,
    OpenCorrectiveActions,
    OverdueCorrectiveActions,
    DocumentsOverdueForReview,
    LegalUpdatesOverdue,
    PostingCompleteness,
    StalePostings,
    OpenCitizenReports,
    OnTimeRate,
    Satisfaction,
}

/// <summary>
/// Where the records behind a cell can be read: a page of the commune that a province auditor of its province may open
/// (commune reader pages), so every figure of the table or the ranking leads to what it was computed from. Paths are
/// application-relative ("/xa-a/danh-gia/khac-phuc?loc=qua-han"); prefix the request's path base when rendering.
/// </summary>
/// <remarks>
/// The staff list of postings and the list of citizen reports are for the commune's own people only: the posting columns
/// lead to the commune's public TTHC list (what citizens read), and citizen reports to the same page, where each TTHC's
/// "Báo sai sót" form is.
/// </remarks>
public static class ComplianceEvidence
{
    public static string PathOf(ComplianceRow row, ComplianceColumn column)
    {
        var c = "/" + row.Slug;
        return column switch
        {
            ComplianceColumn.Commune => c,
            ComplianceColumn.Step1 or ComplianceColumn.Step2 or ComplianceColumn.Step3 or ComplianceColumn.Step4 => c + "/tai-lieu/he-thong-iso",
            ComplianceColumn.LastInternalAudit => c + "/" + (row.LastInternalAuditPath ?? "danh-gia/chuong-trinh"),
            ComplianceColumn.LastManagementReview => c + "/" + (row.LastManagementReviewPath ?? "danh-gia/xem-xet-lanh-dao"),
            ComplianceColumn.OpenCorrectiveActions => c + "/danh-gia/khac-phuc?loc=dang-mo",
            ComplianceColumn.OverdueCorrectiveActions => c + "/danh-gia/khac-phuc?loc=qua-han",
            ComplianceColumn.DocumentsOverdueForReview => c + "/tai-lieu?quaHan=true",
            ComplianceColumn.LegalUpdatesOverdue => c + "/tai-lieu/van-ban-phap-ly",
            ComplianceColumn.PostingCompleteness or ComplianceColumn.StalePostings or ComplianceColumn.OpenCitizenReports => c + "/thu-tuc",
            ComplianceColumn.OnTimeRate => Objective(c, row.OnTimeRate),
            ComplianceColumn.Satisfaction => Objective(c, row.Satisfaction),
            _ => throw new ArgumentOutOfRangeException(nameof(column), column, null),
        };
    }

    private static string Objective(string commune, ObjectiveReading? reading) =>
        commune + (reading?.ObjectiveId is { } id ? $"/danh-gia/muc-tieu/{id}" : "/danh-gia/muc-tieu");
}
