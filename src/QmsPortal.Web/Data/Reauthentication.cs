using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace QmsPortal.Web.Data;

/// <summary>How a signer proved, at the moment of signing, that they hold the account.</summary>
public enum ReauthenticationMethod
{
    Password,
    OneTimeCode,
}

/// <summary>
/// Re-authentication at the moment of an electronic signature: the password, or, once the user has confirmed an
/// authenticator app, a one-time code (TOTP, RFC 6238) from it. A code is accepted once only (the last accepted
/// time step is kept per user), and every failure counts in <see cref="PasswordAttempts"/> like a failed sign-in, so
/// an unattended session cannot be used to guess the password.
/// </summary>
public sealed class Reauthentication(UserManager<PortalUser> users, TimeProvider clock, PasswordAttempts attempts, IHttpContextAccessor http)
{
    public const string TooManyFailures = "Xác thực sai quá nhiều lần. Vui lòng chờ 15 phút rồi thử lại.";

    public const string Issuer = "QmsPortal";

    /// <summary>Checks the secret and returns the method used; throws a Vietnamese <see cref="DomainException"/> on failure.</summary>
    public async Task<ReauthenticationMethod> VerifyAsync(PortalUser user, string? password, string? code)
    {
        if (!attempts.Allows(Client, Account(user)))
        {
            throw new DomainException(TooManyFailures);
        }

        if (user.SigningCodeEnabled)
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                throw new DomainException("Vui lòng nhập mã xác thực 6 chữ số từ ứng dụng xác thực để ký.", "Code");
            }

            if (!await AcceptCodeAsync(user, code))
            {
                attempts.RecordFailure(Client, Account(user));
                throw new DomainException("Mã xác thực không đúng, đã hết hạn hoặc đã được dùng. Chưa ký: không có gì thay đổi.", "Code");
            }

            return ReauthenticationMethod.OneTimeCode;
        }

        if (string.IsNullOrEmpty(password))
        {
            throw new DomainException("Vui lòng nhập lại mật khẩu của bạn để ký.", "Password");
        }

        if (!await CheckPasswordAsync(user, password))
        {
            throw new DomainException("Mật khẩu không đúng. Chưa ký: không có gì thay đổi.", "Password");
        }

        return ReauthenticationMethod.Password;
    }

    /// <summary>The password check of a sensitive step; a wrong password counts like a failed sign-in.</summary>
    public async Task<bool> CheckPasswordAsync(PortalUser user, string? password)
    {
        if (!attempts.Allows(Client, Account(user)))
        {
            return false;
        }

        if (string.IsNullOrEmpty(password) || !await users.CheckPasswordAsync(user, password))
        {
            attempts.RecordFailure(Client, Account(user));
            return false;
        }

        return true;
    }

    private string Client => PasswordAttempts.ClientKey(http.HttpContext);

    private static string Account(PortalUser user) => PasswordAttempts.AccountKey(user.Email ?? user.Id);

    /// <summary>
    /// Accepts a code of the user's authenticator key once: its time step is stored before anything is signed with it,
    /// and a concurrent use of the same code loses on the user's concurrency stamp.
    /// </summary>
    public async Task<bool> AcceptCodeAsync(PortalUser user, string code)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (key is null || MatchStep(key, code, clock.GetUtcNow(), user.LastSigningCodeStep) is not { } step)
        {
            return false;
        }

        user.LastSigningCodeStep = step;
        return (await users.UpdateAsync(user)).Succeeded;
    }

    /// <summary>The time step a code matches (one step of clock drift either way), or null; steps at or before <paramref name="lastStep"/> never match.</summary>
    public static long? MatchStep(string base32Key, string? code, DateTimeOffset now, long? lastStep)
    {
        code = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Trim();
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        var totp = new Totp(Base32Encoding.ToBytes(base32Key));
        return totp.VerifyTotp(now.UtcDateTime, code, out var step, new VerificationWindow(previous: 1, future: 1)) && (lastStep is not { } last || step > last)
            ? step
            : null;
    }

    /// <summary>The key in groups of four, as people type it into an authenticator app.</summary>
    public static string FormatKey(string key)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            builder.Append(builder.Length > 0 ? " " : "").Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return builder.ToString().ToLowerInvariant();
    }

    /// <summary>The otpauth:// URI an authenticator app reads from the QR code.</summary>
    public static string AuthenticatorUri(string account, string key) => string.Create(CultureInfo.InvariantCulture,
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(account)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6&period=30");
}
