using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QmsPortal.Web.Data;

namespace QmsPortal.Web.Features.Account;

/// <summary>Sets a password from an e-mailed link (invitation or reset).</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(AccountFormLimits.Policy)]
public sealed class ResetPasswordModel(UserManager<PortalUser> users) : PageModel
{
    [BindProperty]
    public ResetInput Input { get; set; } = new();

    public IActionResult OnGet(string? email, string? token)
    {
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(token))
        {
            return NotFound();
        }

        Input = new ResetInput { Email = email, Token = token };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Input.Password != Input.ConfirmPassword)
        {
            ModelState.AddModelError("Input.ConfirmPassword", "Mật khẩu nhập lại không khớp.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email);
        var result = user is null
            ? IdentityResult.Failed(new VietnameseIdentityErrors().InvalidToken())
            : await users.ResetPasswordAsync(user, Input.Token, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : "", error.Description);
            }

            return Page();
        }

        TempData["Message"] = "Đã đặt mật khẩu. Hãy đăng nhập.";
        return RedirectToPage("/Account/Login");
    }

    public sealed class ResetInput
    {
        public string Email { get; set; } = "";

        public string Token { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng nhập mật khẩu mới.")]
        [MaxLength(100, ErrorMessage = "Mật khẩu dài tối đa 100 ký tự.")]
        [DataType(DataType.Password)]
        [Display(Name = "Mật khẩu mới")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng nhập lại mật khẩu.")]
        [DataType(DataType.Password)]
        [Display(Name = "Nhập lại mật khẩu")]
        public string ConfirmPassword { get; set; } = "";
    }
}
