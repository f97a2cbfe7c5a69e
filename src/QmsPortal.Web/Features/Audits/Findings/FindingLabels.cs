namespace QmsPortal.Web.Features.Audits.Findings;

/// <summary>The Vietnamese words for findings and corrective actions, as the pages show them.</summary>
public static class FindingLabels
{
    public static readonly IReadOnlyList<FindingGrade> Grades = Enum.GetValues<FindingGrade>();
    public static readonly IReadOnlyList<FindingSource> Sources = Enum.GetValues<FindingSource>();
    public static readonly IReadOnlyList<FindingSubject> Subjects = Enum.GetValues<FindingSubject>();

    public static string Grade(FindingGrade grade) => grade switch
    {
        FindingGrade.MajorNonconformity => "Không phù hợp nặng",
        FindingGrade.MinorNonconformity => "Không phù hợp nhẹ",
        FindingGrade.Observation => "Khuyến nghị",
        FindingGrade.Opportunity => "Cơ hội cải tiến",
        _ => grade.ToString(),
    };

    public static string GradeBadge(FindingGrade grade) => grade switch
    {
        FindingGrade.MajorNonconformity => "badge badge-danger",
        FindingGrade.MinorNonconformity => "badge badge-warn",
        _ => "badge badge-muted",
    };

    public static string Source(FindingSource source) => source switch
    {
        FindingSource.Audit => "Đánh giá nội bộ",
        FindingSource.CitizenReport => "Phản ánh của người dân",
        FindingSource.Inspection => "Kiểm tra của tỉnh",
        FindingSource.Direct => "Ghi nhận trực tiếp",
        _ => source.ToString(),
    };

    public static string Subject(FindingSubject subject) => subject switch
    {
        FindingSubject.Process => "Quá trình",
        FindingSubject.Tthc => "Thủ tục hành chính",
        FindingSubject.Document => "Tài liệu",
        FindingSubject.Other => "Khác",
        _ => subject.ToString(),
    };

    public static string Status(FindingStatus status) => status == FindingStatus.Open ? "Đang mở" : "Đã đóng";

    public static string ActionStatus(CorrectiveActionStatus status) => status switch
    {
        CorrectiveActionStatus.Open => "Đang thực hiện",
        CorrectiveActionStatus.Done => "Đã hoàn thành, chờ kiểm tra hiệu lực",
        CorrectiveActionStatus.Effective => "Có hiệu lực",
        _ => status.ToString(),
    };

    public static string ActionBadge(CorrectiveActionStatus status) => status switch
    {
        CorrectiveActionStatus.Effective => "badge badge-ok",
        CorrectiveActionStatus.Done => "badge badge-warn",
        _ => "badge badge-muted",
    };

    /// <summary>A later "planned" step is a new due date (after a reopening or an extension).</summary>
    public static string Change(CorrectiveActionChange change, bool first) => change switch
    {
        CorrectiveActionChange.Planned => first ? "Lập kế hoạch khắc phục" : "Đặt lại hạn hoàn thành",
        CorrectiveActionChange.Completed => "Báo cáo đã thực hiện",
        CorrectiveActionChange.CheckedEffective => "Kiểm tra hiệu lực: có hiệu lực",
        CorrectiveActionChange.CheckedNotEffective => "Kiểm tra hiệu lực: không có hiệu lực, mở lại",
        _ => change.ToString(),
    };

    public static string DueKindLabel(DueKind kind) => kind switch
    {
        DueKind.CorrectiveAction => "Hạn hành động khắc phục",
        DueKind.EffectivenessCheck => "Kiểm tra hiệu lực",
        DueKind.InspectionReport => "Báo cáo sau kiểm tra",
        DueKind.PlannedAudit => "Đánh giá nội bộ theo kế hoạch",
        DueKind.ManagementReview => "Xem xét của lãnh đạo",
        _ => kind.ToString(),
    };
}
