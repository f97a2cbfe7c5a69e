using Microsoft.AspNetCore.Identity;
using QmsPortal.Web.Data;
using QmsPortal.Web.Email;

namespace QmsPortal.Web.Features.Account;

/// <summary>The two account e-mails: an invitation to a new member and a password reset. Both carry a set-password link.</summary>
public sealed class AccountMail(UserManager<PortalUser> users, IEmailSender email)
{
    public async Task SendInvitationAsync(PortalUser user, string communeName, string roleLabel, string baseUrl, CancellationToken cancellationToken = default)
    {
        var link = await SetPasswordLinkAsync(user, baseUrl);
        await email.SendAsync(new EmailMessage(user.Email!, user.FullName,
            $"Mời tham gia Cổng quản lý chất lượng — UBND {communeName}",
            $"""
            Kính gửi {user.FullName},

            Bạn được thêm vào Cổng quản lý chất lượng ISO của UBND {communeName} với vai trò: {roleLabel}.
            Để đặt mật khẩu và đăng nhập, mở đường dẫn sau (có hiệu lực trong 24 giờ):

            {link}

            Tên đăng nhập của bạn là địa chỉ thư này: {user.Email}.
            Nếu bạn không chờ đợi thư này, hãy bỏ qua nó.
            """), cancellationToken);
    }

    public async Task SendPasswordResetAsync(PortalUser user, string baseUrl, CancellationToken cancellationToken = default)
    {
        var link = await SetPasswordLinkAsync(user, baseUrl);
        await email.SendAsync(new EmailMessage(user.Email!, user.FullName,
            "Đặt lại mật khẩu — Cổng quản lý chất lượng ISO cấp xã",
            $"""
            Kính gửi {user.FullName},

            Có yêu cầu đặt lại mật khẩu cho tài khoản {user.Email}. Để đặt mật khẩu mới, mở đường dẫn sau
            (có hiệu lực trong 24 giờ):

            {link}

            Nếu bạn không yêu cầu, hãy bỏ qua thư này; mật khẩu hiện tại vẫn giữ nguyên.
            """), cancellationToken);
    }

    private async Task<string> SetPasswordLinkAsync(PortalUser user, string baseUrl)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return $"{baseUrl.TrimEnd('/')}/tai-khoan/dat-lai-mat-khau?email={Uri.EscapeDataString(user.Email!)}&token={Uri.EscapeDataString(token)}";
    }
}
