using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Email;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Account;

/// <summary>
/// The invitation to a new member, written when the outbox sends it: the set-password link carries a fresh token and
/// the configured address of the commune (its own host name when it has one), never anything from a request.
/// Nothing is sent when the person has already set a password or no longer holds a role in the commune.
/// </summary>
public sealed class InvitationMail(UserManager<PortalUser> users, QmsDbContext db, TenantDirectory directory, PublicUrls urls) : IMailComposer
{
    public const string KindName = "invitation";

    public string Kind => KindName;

    public string Label => "Thư mời thành viên";

    public async Task<(EmailMessage? Message, string? DropReason)> ComposeAsync(OutboxMessage queued, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(queued.Reference ?? "");
        if (user is null)
        {
            return (null, "Tài khoản không còn tồn tại.");
        }

        if (user.PasswordHash is not null)
        {
            return (null, "Người dùng đã đặt mật khẩu.");
        }

        var tenantId = queued.TenantId ?? 0;
        var slug = await db.Tenants.Where(t => t.Id == tenantId).Select(t => t.Slug).FirstOrDefaultAsync(cancellationToken);
        var commune = slug is null ? null : await directory.FindBySlugAsync(slug, cancellationToken);
        var roles = await db.Memberships.Where(m => m.TenantId == tenantId && m.UserId == user.Id).Select(m => m.Role).ToListAsync(cancellationToken);
        if (commune is null || roles.Count == 0)
        {
            return (null, "Người dùng không còn vai trò nào tại xã.");
        }

        var link = await AccountLinks.SetPasswordAsync(users, urls, user, commune);
        return (new EmailMessage(user.Email!, user.FullName,
            $"Mời tham gia Cổng quản lý chất lượng — UBND {commune.Name}",
            $"""
            Kính gửi {user.FullName},

            Bạn được thêm vào Cổng quản lý chất lượng ISO của UBND {commune.Name} với vai trò: {string.Join(", ", roles.Order().Select(CommuneRoleLabels.Label))}.
            Để đặt mật khẩu và đăng nhập, mở đường dẫn sau (có hiệu lực trong 24 giờ):

            {link}

            Tên đăng nhập của bạn là địa chỉ thư này: {user.Email}.
            Nếu bạn không chờ đợi thư này, hãy bỏ qua nó.
            """), null);
    }
}

/// <summary>
/// A password reset, queued for whatever address was typed (the page does the same work for every address, so it
/// reveals nothing); written at send time, and dropped when no account has that address.
/// </summary>
public sealed class PasswordResetMail(UserManager<PortalUser> users, PublicUrls urls, QmsDbContext db, TimeProvider clock) : IMailComposer
{
    public const string KindName = "password-reset";

    /// <summary>So the form cannot be used to flood someone's mailbox.</summary>
    public const int MaxPerAddressPerHour = 3;

    public string Kind => KindName;

    public string Label => "Đặt lại mật khẩu";

    public async Task<(EmailMessage? Message, string? DropReason)> ComposeAsync(OutboxMessage queued, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(queued.ToAddress);
        if (user is null)
        {
            return (null, "Không có tài khoản với địa chỉ này.");
        }

        var hourAgo = clock.GetUtcNow().UtcDateTime.AddHours(-1);
        var recent = await db.Set<OutboxMessage>().CountAsync(m => m.Kind == KindName && m.ToAddress == queued.ToAddress
            && m.Status == OutboxStatus.Sent && m.SentAt > hourAgo, cancellationToken);
        if (recent >= MaxPerAddressPerHour)
        {
            return (null, $"Đã gửi {recent} thư đặt lại mật khẩu tới địa chỉ này trong một giờ qua.");
        }

        var link = await AccountLinks.SetPasswordAsync(users, urls, user, commune: null);
        return (new EmailMessage(user.Email!, user.FullName,
            "Đặt lại mật khẩu — Cổng quản lý chất lượng ISO cấp xã",
            $"""
            Kính gửi {user.FullName},

            Có yêu cầu đặt lại mật khẩu cho tài khoản {user.Email}. Để đặt mật khẩu mới, mở đường dẫn sau
            (có hiệu lực trong 24 giờ):

            {link}

            Nếu bạn không yêu cầu, hãy bỏ qua thư này; mật khẩu hiện tại vẫn giữ nguyên.
            """), null);
    }
}

internal static class AccountLinks
{
    public static async Task<string> SetPasswordAsync(UserManager<PortalUser> users, PublicUrls urls, PortalUser user, TenantInfo? commune)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return urls.PlatformFor(commune, $"tai-khoan/dat-lai-mat-khau?email={Uri.EscapeDataString(user.Email!)}&token={Uri.EscapeDataString(token)}");
    }
}
