using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using QmsPortal.Web.Data;

namespace QmsPortal.Web.Features.Account;

/// <summary>
/// Sign-in. Every attempt costs the same whether or not the address has an account (one lookup and one password
/// hash check, against a stand-in hash when there is no usable password) and gets the same words back, so neither
/// the answer nor its timing reveals accounts. Guessing is slowed by <see cref="PasswordAttempts"/>, not by a lockout.
/// </summary>
[EnableRateLimiting(AccountFormLimits.Policy)]
public sealed class LoginModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, IPasswordHasher<PortalUser> hasher, PasswordAttempts attempts) : PageModel
{
    public const string WrongCredentials = "Thư điện tử hoặc mật khẩu không đúng.";
    public const string TooManyFailures = "Đăng nhập sai quá nhiều lần với địa chỉ này. Vui lòng chờ 15 phút rồi thử lại, hoặc dùng \"Quên mật khẩu\".";

    private static readonly Lazy<string> StandInHash = new(() =>
        new PasswordHasher<PortalUser>().HashPassword(new PortalUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))));

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    public string? ReturnUrl { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ReturnUrl = returnUrl;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var client = PasswordAttempts.ClientKey(HttpContext);
        var account = PasswordAttempts.AccountKey(Input.Email);
        if (!attempts.Allows(client, account))
        {
            ModelState.AddModelError(string.Empty, TooManyFailures);
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user?.PasswordHash is null)
        {
            hasher.VerifyHashedPassword(user ?? new PortalUser(), StandInHash.Value, Input.Password);
        }
        else if (await users.CheckPasswordAsync(user, Input.Password) && await signIn.CanSignInAsync(user))
        {
            await signIn.SignInAsync(user, Input.RememberMe);
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : Url.Content("~/tai-khoan"));
        }

        attempts.RecordFailure(client, account);
        ModelState.AddModelError(string.Empty, WrongCredentials);
        return Page();
    }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Vui lòng nhập thư điện tử.")]
        [EmailAddress(ErrorMessage = "Thư điện tử không hợp lệ.")]
        [MaxLength(256, ErrorMessage = "Thư điện tử dài tối đa 256 ký tự.")]
        [Display(Name = "Thư điện tử")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng nhập mật khẩu.")]
        [MaxLength(100, ErrorMessage = "Mật khẩu dài tối đa 100 ký tự.")]
        [DataType(DataType.Password)]
        [Display(Name = "Mật khẩu")]
        public string Password { get; set; } = "";

        [Display(Name = "Ghi nhớ đăng nhập trên máy này")]
        public bool RememberMe { get; set; }
    }
}
