using QmsPortal.Web.Data;

namespace QmsPortal.Web.Features.Audits;

/// <summary>
/// One question of the commune's audit question bank, under an ISO 9001:2015 clause (e.g. "7.5.3"). The starter bank
/// comes from the commune-starter recipe; the commune adds its own. An audit copies the questions of its scope.
/// </summary>
public sealed class ChecklistQuestion : ITenantOwned
{
    public const int TextMaxLength = 500;

    private ChecklistQuestion()
    {
    }

    public int Id { get; private set; }
    public int TenantId { get; set; }
    public string Clause { get; private set; } = "";
    public string Text { get; private set; } = "";

    /// <summary>From the starter recipe (so a recipe applied again updates it instead of adding a copy).</summary>
    public bool IsStarter { get; private set; }

    public bool IsActive { get; private set; } = true;

    public static ChecklistQuestion Create(string? clause, string? text, bool isStarter) => new()
    {
        Clause = IsoClauses.Check(clause, "Clause"),
        Text = AuditText.Required(text, TextMaxLength, "Text", "câu hỏi"),
        IsStarter = isStarter,
    };

    public void Retire() => IsActive = false;
}

/// <summary>The clauses 4–10 of TCVN ISO 9001:2015 (DOMAIN.md) that audits, questions and findings refer to.</summary>
public static class IsoClauses
{
    public static readonly IReadOnlyDictionary<string, string> Titles = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["4"] = "Bối cảnh của tổ chức",
        ["4.1"] = "Hiểu tổ chức và bối cảnh", ["4.2"] = "Nhu cầu và mong đợi của các bên quan tâm", ["4.3"] = "Phạm vi của hệ thống",
        ["4.4"] = "Hệ thống quản lý chất lượng và các quá trình",
        ["5"] = "Sự lãnh đạo",
        ["5.1"] = "Sự lãnh đạo và cam kết", ["5.1.2"] = "Hướng vào khách hàng", ["5.2"] = "Chính sách chất lượng", ["5.3"] = "Vai trò, trách nhiệm và quyền hạn",
        ["6"] = "Hoạch định",
        ["6.1"] = "Hành động giải quyết rủi ro và cơ hội", ["6.2"] = "Mục tiêu chất lượng và hoạch định để đạt mục tiêu", ["6.3"] = "Hoạch định các thay đổi",
        ["7"] = "Hỗ trợ",
        ["7.1"] = "Nguồn lực", ["7.2"] = "Năng lực", ["7.3"] = "Nhận thức", ["7.4"] = "Trao đổi thông tin", ["7.5"] = "Thông tin dạng văn bản",
        ["7.5.2"] = "Tạo lập và cập nhật", ["7.5.3"] = "Kiểm soát thông tin dạng văn bản",
        ["8"] = "Thực hiện",
        ["8.1"] = "Hoạch định và kiểm soát việc thực hiện", ["8.2"] = "Yêu cầu đối với dịch vụ", ["8.3"] = "Thiết kế và phát triển",
        ["8.4"] = "Kiểm soát quá trình do bên ngoài cung cấp", ["8.5"] = "Cung cấp dịch vụ", ["8.5.3"] = "Tài sản của khách hàng",
        ["8.6"] = "Thông qua dịch vụ", ["8.7"] = "Kiểm soát đầu ra không phù hợp",
        ["9"] = "Đánh giá kết quả thực hiện",
        ["9.1"] = "Theo dõi, đo lường, phân tích và đánh giá", ["9.1.2"] = "Sự thỏa mãn của khách hàng", ["9.1.3"] = "Phân tích và đánh giá",
        ["9.2"] = "Đánh giá nội bộ", ["9.3"] = "Xem xét của lãnh đạo",
        ["10"] = "Cải tiến",
        ["10.1"] = "Khái quát", ["10.2"] = "Sự không phù hợp và hành động khắc phục", ["10.3"] = "Cải tiến liên tục",
    };

    /// <summary>A known clause (4–10, with its sub-clauses as in DOMAIN.md); throws with a Vietnamese message.</summary>
    public static string Check(string? clause, string field)
    {
        var value = (clause ?? "").Trim();
        return Titles.ContainsKey(value) ? value : throw new DomainException($"Điều khoản \"{value}\" không có trong TCVN ISO 9001:2015 (4–10, ví dụ 7.5.3).", field);
    }

    /// <summary>The main clause a sub-clause belongs to ("7.5.3" → "7").</summary>
    public static string MainClause(string clause) => clause.Split('.')[0];

    public static string Label(string clause) => Titles.TryGetValue(clause, out var title) ? $"{clause} {title}" : clause;
}
