namespace QmsPortal.Web.Features.Audits.Reviews;

/// <summary>Vietnamese words for what the review pages show.</summary>
public static class ReviewLabels
{
    public static string Status(ReviewStatus status) => status == ReviewStatus.Closed ? "Đã kết thúc" : "Đang ghi biên bản";

    public static string Grade(FindingGrade grade) => grade switch
    {
        FindingGrade.MajorNonconformity => "Không phù hợp nặng",
        FindingGrade.MinorNonconformity => "Không phù hợp nhẹ",
        FindingGrade.Observation => "Khuyến nghị",
        FindingGrade.Opportunity => "Cơ hội cải tiến",
        _ => grade.ToString(),
    };

    public static string Period(DateOnly from, DateOnly to) => $"{Text.VietnameseFormat.Date(from)} – {Text.VietnameseFormat.Date(to)}";
}
