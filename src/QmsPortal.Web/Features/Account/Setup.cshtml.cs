using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QmsPortal.Web.Data;

namespace QmsPortal.Web.Features.Account;

/// <summary>One-time page that creates the first PlatformAdmin; closed for good once one exists.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(AccountFormLimits.Policy)]
public sealed class SetupModel(QmsDbContext db, SetupToken setupToken, PlatformAdminCreator creator) : PageModel
{
    [BindProperty]
    public SetupInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string? token)
    {
        if (await SetupToken.AnyPlatformAdminAsync(db) || !setupToken.Matches(token))
        {
            return NotFound();
        }

        Input.Token = token!;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await SetupToken.AnyPlatformAdminAsync(db) || !setupToken.Matches(Input.Token))
        {
            return NotFound();
        }

        if (Input.Password != Input.ConfirmPassword)
        {
            ModelState.AddModelError("Input.ConfirmPassword", "Mật khẩu nhập lại không khớp.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await creator.CreateAsync(Input.Email, Input.FullName, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.Email", error.Description);
            }

            return Page();
        }

        TempData["Message"] = "Đã tạo quản trị hệ thống. Hãy đăng nhập.";
        return RedirectToPage("/Account/Login");
    }

    public sealed class SetupInput
    {
        public string Token { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng nhập thư điện tử.")]
        [EmailAddress(ErrorMessage = "Thư điện tử không hợp lệ.")]
        [MaxLength(256, ErrorMessage = "Thư điện tử dài tối đa 256 ký tự.")]
        [Display(Name = "Thư điện tử")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng nhập họ và tên.")]
        [MaxLength(120, ErrorMessage = "Họ và tên dài tối đa 120 ký tự.")]
        [Display(Name = "Họ và tên")]
        public string FullName { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng nhập mật khẩu.")]
        [MaxLength(100, ErrorMessage = "Mật khẩu dài tối đa 100 ký tự.")]
        [DataType(DataType.Password)]
        [Display(Name = "Mật khẩu")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng nhập lại mật khẩu.")]
        [DataType(DataType.Password)]
        [Display(Name = "Nhập lại mật khẩu")]
        public string ConfirmPassword { get; set; } = "";
    }
}
