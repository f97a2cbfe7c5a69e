using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QmsPortal.Web.Data;
using QRCoder;

namespace QmsPortal.Web.Features.Account;

/// <summary>
/// "Mã xác thực khi ký": a signed-in user sets up an authenticator app (TOTP) so that their electronic signatures ask
/// for a one-time code instead of the password. The key is Identity's authenticator key; a first code confirms it;
/// turning it off needs the password and replaces the key, so an old phone's codes stop working.
/// </summary>
[Authorize]
public sealed class SigningCodeModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, Reauthentication reauthentication) : PageModel
{
    public bool Enabled { get; private set; }
    public string Key { get; private set; } = "";
    public string QrCode { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await MeAsync();
        Enabled = user.SigningCodeEnabled;
        if (!Enabled)
        {
            await LoadKeyAsync(user);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync(string? code)
    {
        var user = await MeAsync();
        if (user.SigningCodeEnabled)
        {
            return RedirectToPage();
        }

        user.SigningCodeEnabled = true;
        if (string.IsNullOrWhiteSpace(code) || !await reauthentication.AcceptCodeAsync(user, code))
        {
            user.SigningCodeEnabled = false;
            ModelState.AddModelError("code", string.IsNullOrWhiteSpace(code)
                ? "Vui lòng nhập mã 6 chữ số đang hiện trong ứng dụng xác thực."
                : "Mã xác thực không đúng. Hãy kiểm tra giờ trên điện thoại và nhập mã đang hiện.");
            await LoadKeyAsync(user);
            return Page();
        }

        TempData["Message"] = "Đã bật mã xác thực: từ nay khi ký phê duyệt hoặc ban hành, bạn nhập mã từ ứng dụng thay cho mật khẩu.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisableAsync(string? password)
    {
        var user = await MeAsync();
        if (!user.SigningCodeEnabled)
        {
            return RedirectToPage();
        }

        if (!await reauthentication.CheckPasswordAsync(user, password))
        {
            Enabled = true;
            ModelState.AddModelError("password", "Mật khẩu không đúng: mã xác thực vẫn đang bật.");
            return Page();
        }

        user.SigningCodeEnabled = false;
        user.LastSigningCodeStep = null;
        await users.ResetAuthenticatorKeyAsync(user);
        // A new key changes the security stamp; keep this browser signed in.
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = "Đã tắt mã xác thực: khi ký, bạn nhập lại mật khẩu. Khóa cũ trong ứng dụng không còn dùng được.";
        return RedirectToPage();
    }

    private async Task<PortalUser> MeAsync() => await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");

    private async Task LoadKeyAsync(PortalUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }

        Key = Reauthentication.FormatKey(key);
        QrCode = QrDataUri(Reauthentication.AuthenticatorUri(user.Email ?? user.UserName ?? user.Id, key));
    }

    private static string QrDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(4));
    }
}
