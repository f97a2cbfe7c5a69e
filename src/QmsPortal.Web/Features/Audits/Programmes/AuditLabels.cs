namespace QmsPortal.Web.Features.Audits.Programmes;

/// <summary>How audit states, answers and finding grades read in Vietnamese, and the badge each wears.</summary>
public static class AuditLabels
{
    public static readonly AnswerResult[] Results = [AnswerResult.Conform, AnswerResult.Nonconform, AnswerResult.Observation, AnswerResult.NotApplicable];

    public static string Status(AuditStatus status) => status switch
    {
        AuditStatus.Planned => "Đã lập kế hoạch",
        AuditStatus.InProgress => "Đang đánh giá",
        AuditStatus.Reported => "Đã ký báo cáo",
        AuditStatus.Cancelled => "Đã hủy",
        _ => status.ToString(),
    };

    public static string Badge(AuditStatus status) => status switch
    {
        AuditStatus.Reported => "badge badge-ok",
        AuditStatus.InProgress => "badge badge-warn",
        AuditStatus.Cancelled => "badge badge-danger",
        _ => "badge badge-muted",
    };

    public static string Result(AnswerResult result) => result switch
    {
        AnswerResult.Unanswered => "Chưa trả lời",
        AnswerResult.Conform => "Phù hợp",
        AnswerResult.Nonconform => "Không phù hợp",
        AnswerResult.Observation => "Khuyến nghị",
        AnswerResult.NotApplicable => "Không áp dụng",
        _ => result.ToString(),
    };

    public static string ResultBadge(AnswerResult result) => result switch
    {
        AnswerResult.Conform => "badge badge-ok",
        AnswerResult.Nonconform => "badge badge-danger",
        AnswerResult.Observation => "badge badge-warn",
        _ => "badge badge-muted",
    };

    public static string Grade(FindingGrade grade) => grade switch
    {
        FindingGrade.MajorNonconformity => "Không phù hợp nặng",
        FindingGrade.MinorNonconformity => "Không phù hợp nhẹ",
        FindingGrade.Observation => "Khuyến nghị",
        FindingGrade.Opportunity => "Cơ hội cải tiến",
        _ => grade.ToString(),
    };

    public static string Month(int month) => $"Tháng {month}";

    /// <summary>Whether a finding may be raised from this answer ("Ghi nhận phát hiện").</summary>
    public static bool RaisesFinding(AnswerResult result) => result is AnswerResult.Nonconform or AnswerResult.Observation;
}
