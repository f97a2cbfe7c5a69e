namespace QmsPortal.Web.Features.Documents;

/// <summary>The kinds of documented information a commune keeps (DOMAIN.md, "Documented information").</summary>
public enum DocumentKind
{
    QualityPolicy,
    QualityObjectives,
    SystemProcedure,
    TthcProcedure,
    WorkInstruction,
    Form,
    ExternalDocument,
}

public enum RevisionStatus
{
    Draft,
    InReview,
    Approved,
    Issued,
    Superseded,
    Withdrawn,
}

public enum DocumentAction
{
    Created,
    Edited,
    Submitted,
    Approved,
    Rejected,
    Issued,
    Superseded,
    Withdrawn,
    Reviewed,
    NewRevision,
    Attached,
    ReviewRecorded,
    ReviewReturned,
    Reinstated,
}

/// <summary>Who acts on a document: enough to check the rules and to print the sign-off block.</summary>
public sealed record DocumentActor(string UserId, string Name, string? JobTitle)
{
    /// <summary>User ids of the actors a recipe names (e.g. "recipe:approver"): no person, so no electronic signature.</summary>
    public const string RecipePrefix = "recipe:";

    public bool IsRecipe => UserId.StartsWith(RecipePrefix, StringComparison.Ordinal);
}

public static class DocumentLabels
{
    public static readonly IReadOnlyList<DocumentKind> Kinds = Enum.GetValues<DocumentKind>();

    public static string Kind(DocumentKind kind) => kind switch
    {
        DocumentKind.QualityPolicy => "Chính sách chất lượng",
        DocumentKind.QualityObjectives => "Mục tiêu chất lượng",
        DocumentKind.SystemProcedure => "Quy trình hệ thống",
        DocumentKind.TthcProcedure => "Quy trình giải quyết TTHC",
        DocumentKind.WorkInstruction => "Hướng dẫn",
        DocumentKind.Form => "Biểu mẫu",
        DocumentKind.ExternalDocument => "Tài liệu bên ngoài",
        _ => kind.ToString(),
    };

    /// <summary>The code prefix suggested for a new document of the kind (procedures share one QT series).</summary>
    public static string Prefix(DocumentKind kind) => kind switch
    {
        DocumentKind.QualityPolicy => "CS",
        DocumentKind.QualityObjectives => "MT",
        DocumentKind.SystemProcedure or DocumentKind.TthcProcedure => "QT",
        DocumentKind.WorkInstruction => "HD",
        DocumentKind.Form => "BM",
        _ => "TL",
    };

    public static string Status(RevisionStatus status) => status switch
    {
        RevisionStatus.Draft => "Dự thảo",
        RevisionStatus.InReview => "Chờ phê duyệt",
        RevisionStatus.Approved => "Đã phê duyệt",
        // Whether an issued revision is in force depends on the day: pages say so with RevisionValidity.Label.
        RevisionStatus.Issued => "Đã ban hành",
        RevisionStatus.Superseded => "Đã bị thay thế",
        RevisionStatus.Withdrawn => "Đã thu hồi",
        _ => status.ToString(),
    };

    public static string Badge(RevisionStatus status) => status switch
    {
        RevisionStatus.Issued => "badge badge-ok",
        RevisionStatus.InReview or RevisionStatus.Approved => "badge badge-warn",
        RevisionStatus.Superseded or RevisionStatus.Withdrawn => "badge badge-danger",
        _ => "badge badge-muted",
    };

    public static string Action(DocumentAction action) => action switch
    {
        DocumentAction.Created => "Tạo dự thảo",
        DocumentAction.Edited => "Sửa dự thảo",
        DocumentAction.Submitted => "Trình phê duyệt",
        DocumentAction.Approved => "Phê duyệt",
        DocumentAction.Rejected => "Trả lại",
        DocumentAction.Issued => "Ban hành",
        DocumentAction.Superseded => "Bị thay thế",
        DocumentAction.Withdrawn => "Thu hồi",
        DocumentAction.Reviewed => "Xem xét định kỳ, không thay đổi",
        DocumentAction.NewRevision => "Mở bản sửa đổi",
        DocumentAction.Attached => "Đính kèm tệp",
        DocumentAction.ReviewRecorded => "Xem xét trước khi phê duyệt",
        DocumentAction.ReviewReturned => "Người xem xét trả lại",
        DocumentAction.Reinstated => "Tiếp tục có hiệu lực",
        _ => action.ToString(),
    };
}
