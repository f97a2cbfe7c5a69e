using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using QmsPortal.Web.Data;
using QmsPortal.Web.Email;

namespace QmsPortal.Web.Features.Account;

/// <summary>
/// Queues a password reset for the typed address and answers at once. The page does the same work whether or not an
/// account exists (the outbox finds out later), so neither its answer nor its timing tells a stranger which addresses
/// have accounts, and a mail server that is down never makes it fail.
/// </summary>
[EnableRateLimiting(AccountFormLimits.Policy)]
public sealed class ForgotPasswordModel(QmsDbContext db, MailOutbox outbox) : PageModel
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

        outbox.AddComposed(PasswordResetMail.KindName, Input.Email.Trim(), "", reference: null);
        await db.SaveChangesAsync(cancellationToken);
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
