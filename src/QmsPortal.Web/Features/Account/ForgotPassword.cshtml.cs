using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QmsPortal.Web.Data;

namespace QmsPortal.Web.Features.Account;

public sealed class ForgotPasswordModel(UserManager<PortalUser> users, AccountMail mail) : PageModel
{
    [BindProperty]
    public ForgotInput Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // The same answer whether or not the address exists, so the page cannot be used to find accounts.
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is not null)
        {
            await mail.SendPasswordResetAsync(user, $"{Request.Scheme}://{Request.Host}{Request.PathBase}", cancellationToken);
        }

        Sent = true;
        return Page();
    }

    public sealed class ForgotInput
    {
        [Required(ErrorMessage = "Vui lòng nhập thư điện tử.")]
        [EmailAddress(ErrorMessage = "Thư điện tử không hợp lệ.")]
        [MaxLength(256, ErrorMessage = "Thư điện tử dài tối đa 256 ký tự.")]
        [Display(Name = "Thư điện tử của tài khoản")]
        public string Email { get; set; } = "";
    }
}
