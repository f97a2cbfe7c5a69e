using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Account;

/// <summary>
/// "Tài khoản của tôi": the communes the user belongs to, with the roles held in each, and the choice to receive the
/// daily digest of due work (escalation mails are sent whatever the choice: an overdue item must reach someone).
/// </summary>
[Authorize]
public sealed class IndexModel(QmsDbContext db, UserManager<PortalUser> users) : PageModel
{
    public PortalUser Me { get; private set; } = null!;
    public IReadOnlyList<string> PlatformRoleNames { get; private set; } = [];
    public IReadOnlyList<CommuneRow> Communes { get; private set; } = [];
    public string? SupervisedProvince { get; private set; }
    public string? EditedProvince { get; private set; }
    public IReadOnlyList<(string Slug, string Name)> SupervisedCommunes { get; private set; } = [];

    /// <summary>Bound to the inverse of <see cref="PortalUser.ReminderDigestOff"/>: the box says what the person receives.</summary>
    [BindProperty]
    public bool ReceiveDigest { get; set; }

    public async Task<IActionResult> OnPostDigestAsync(CancellationToken cancellationToken)
    {
        var me = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        me.ReminderDigestOff = !ReceiveDigest;
        var result = await users.UpdateAsync(me);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        TempData["Message"] = ReceiveDigest
            ? "Đã lưu: bạn sẽ nhận thư tổng hợp việc đến hạn mỗi ngày."
            : "Đã lưu: bạn không nhận thư tổng hợp hằng ngày nữa. Thư báo việc quá hạn (chuyển lãnh đạo) vẫn được gửi.";
        return RedirectToPage();
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Me = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        PlatformRoleNames = [.. await users.GetRolesAsync(Me)];
        ReceiveDigest = !Me.ReminderDigestOff;
        var memberships = await db.Memberships.AsNoTracking().Where(m => m.UserId == Me.Id)
            .Select(m => new { m.Tenant!.Slug, m.Tenant.Name, Province = m.Tenant.Province!.Name, m.Tenant.Status, m.Role })
            .ToListAsync(cancellationToken);
        Communes = memberships.GroupBy(m => (m.Slug, m.Name, m.Province, m.Status))
            .Select(g => new CommuneRow(g.Key.Slug, g.Key.Name, g.Key.Province, g.Key.Status, g.Select(m => m.Role).Order().ToList()))
            .OrderBy(c => c.Name).ToList();
        if (Me.EditedProvinceCode is { } edited && PlatformRoleNames.Contains(PlatformRoles.ProvinceEditor))
        {
            EditedProvince = await db.Provinces.Where(p => p.Code == edited).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken);
        }

        if (Me.SupervisedProvinceCode is { } code && PlatformRoleNames.Contains(PlatformRoles.ProvinceAuditor))
        {
            SupervisedProvince = await db.Provinces.Where(p => p.Code == code).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken);
            SupervisedCommunes = (await db.Tenants.AsNoTracking().Where(t => t.ProvinceCode == code).OrderBy(t => t.Name)
                .Select(t => new { t.Slug, t.Name }).ToListAsync(cancellationToken)).Select(t => (t.Slug, t.Name)).ToList();
        }
    }

    public sealed record CommuneRow(string Slug, string Name, string Province, TenantStatus Status, IReadOnlyList<CommuneRole> Roles);
}
