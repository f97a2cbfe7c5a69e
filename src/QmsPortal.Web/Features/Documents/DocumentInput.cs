using System.ComponentModel.DataAnnotations;

namespace QmsPortal.Web.Features.Documents;

/// <summary>The fields a secretary fills in for a document and its draft (new and edit pages share them).</summary>
public class DocumentInput
{
    [Required(ErrorMessage = "Vui lòng nhập tên tài liệu.")]
    [MaxLength(ControlledDocument.TitleMaxLength, ErrorMessage = "Tên tài liệu dài tối đa 300 ký tự.")]
    [Display(Name = "Tên tài liệu")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Vui lòng ghi đơn vị/người chủ trì.")]
    [MaxLength(ControlledDocument.OwnerMaxLength, ErrorMessage = "Tối đa 200 ký tự.")]
    [Display(Name = "Đơn vị/người chủ trì")]
    public string Owner { get; set; } = "";

    [Range(1, 60, ErrorMessage = "Chu kỳ xem xét từ 1 đến 60 tháng.")]
    [Display(Name = "Chu kỳ xem xét (tháng)")]
    public int ReviewIntervalMonths { get; set; } = 12;

    [MaxLength(ControlledDocument.TthcCodesMaxLength, ErrorMessage = "Danh sách mã TTHC quá dài.")]
    [Display(Name = "Mã TTHC liên quan (cách nhau bởi dấu phẩy)")]
    public string? TthcCodes { get; set; }

    [MaxLength(ControlledDocument.LegalBasesMaxLength, ErrorMessage = "Căn cứ pháp lý dài tối đa 4.000 ký tự.")]
    [Display(Name = "Căn cứ pháp lý (mỗi dòng một văn bản)")]
    public string? LegalBases { get; set; }

    /// <summary>A new document starts internal: publishing is a choice the secretary makes, never a default.</summary>
    [Display(Name = "Công khai trên trang Hệ thống ISO")]
    public bool IsPublic { get; set; }

    [Required(ErrorMessage = "Nội dung tài liệu không được để trống.")]
    [Display(Name = "Nội dung (Markdown)")]
    public string Body { get; set; } = "";

    [MaxLength(DocumentRevision.SummaryMaxLength, ErrorMessage = "Tối đa 500 ký tự.")]
    [Display(Name = "Tóm tắt nội dung sửa đổi")]
    public string? ChangeSummary { get; set; }
}
