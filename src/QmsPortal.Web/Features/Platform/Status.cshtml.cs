using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QmsPortal.Web.Features.Shared;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Platform;

/// <summary>Every error status in Vietnamese; a disabled commune's 503 explains that it is suspended.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel(TenantContext tenant) : PageModel
{
    public int Code { get; private set; }

    /// <summary>The commune whose pages the visitor was on: a 404 there offers that commune's procedures, not only the national list.</summary>
    public TenantInfo? Commune { get; private set; }
    public string Heading { get; private set; } = "";
    public string Message { get; private set; } = "";

    public IActionResult OnGet(int code) => Show(code);

    public IActionResult OnPost(int code) => Show(code);

    private PageResult Show(int code)
    {
        Code = code;
        var disabled = HttpContext.Items[TenantResolutionMiddleware.DisabledTenantItem] as TenantInfo;
        var refused = HttpContext.Items[RequestInputGuard.ProblemItem] as string;
        Commune = disabled is null ? tenant.Current : null;
        (Heading, Message) = code switch
        {
            404 when Commune is not null => ("Không tìm thấy trang",
                $"Địa chỉ này không có trên trang của UBND {Commune.Name}. Hãy tìm thủ tục cần làm, hoặc xem danh sách thủ tục hành chính."),
            404 => ("Không tìm thấy trang", "Địa chỉ này không có trên cổng, hoặc xã, phường đã đổi đường dẫn. Hãy quay lại danh sách xã, phường."),
            403 => ("Không có quyền truy cập", "Tài khoản của bạn không có quyền xem nội dung này."),
            503 when disabled is not null => ($"UBND {disabled.Name} tạm ngừng hoạt động trên cổng",
                (disabled.DisabledReason is null ? "" : $"Lý do: {disabled.DisabledReason}. ") + "Xin liên hệ trực tiếp Bộ phận Một cửa của xã."),
            503 => ("Hệ thống tạm ngừng", "Xin vui lòng thử lại sau ít phút."),
            400 when HttpContext.Items.ContainsKey(TenantResolutionMiddleware.UnknownHostItem) => ("Tên miền không thuộc cổng",
                "Cổng không phục vụ tên miền này. Hãy mở cổng theo địa chỉ chính thức của tỉnh hoặc của xã, phường."),
            429 => ("Quá nhiều yêu cầu", "Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng chờ vài phút rồi thử lại."),
            400 when refused is not null => ("Yêu cầu không hợp lệ", refused),
            413 => ("Dữ liệu gửi lên quá lớn", refused ?? "Tệp hoặc biểu mẫu gửi lên vượt quá dung lượng cho phép. Hãy gửi tệp nhỏ hơn."),
            400 => ("Yêu cầu không hợp lệ", "Biểu mẫu đã hết hạn hoặc dữ liệu gửi lên không hợp lệ. Hãy tải lại trang và thử lại."),
            _ => ("Đã có lỗi xảy ra", "Xin vui lòng thử lại sau. Nếu lỗi lặp lại, hãy báo cho quản trị hệ thống."),
        };
        Response.StatusCode = code is >= 400 and < 600 ? code : 500;
        return Page();
    }
}
