using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Email;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Commune;

/// <summary>
/// Who holds which role in the commune, and every change of it. Readers (members, the province's auditors) see both;
/// only the commune administrator gives roles, invites new people, resends invitations or takes roles away — and
/// never to or for themself (segregation of duties).
/// </summary>
[Authorize(Policy = CommunePolicies.Reader)]
public sealed class MembersModel(QmsDbContext db, TenantContext tenant, CommuneAccess access, UserManager<PortalUser> users, MailOutbox outbox) : PageModel
{
    /// <summary>The invitation mail is written at send time by the Account feature (its link carries a fresh token).</summary>
    private const string InvitationKind = Account.InvitationMail.KindName;

    public bool CanManage { get; private set; }

    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context,
        Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        CanManage = await access.HasRoleAsync(CommuneRole.CommuneAdmin);
        if (!CanManage && !HttpMethods.IsGet(context.HttpContext.Request.Method))
        {
            context.Result = Forbid();
            return;
        }

        await next();
    }

    [BindProperty]
    public AddInput Input { get; set; } = new();

    /// <summary>One row per person, with every role they hold here (each role removable on its own).</summary>
    public IReadOnlyList<Person> Members { get; private set; } = [];
    public IReadOnlyDictionary<string, InvitationRow> Invitations { get; private set; } = new Dictionary<string, InvitationRow>();
    public IReadOnlyList<HistoryRow> History { get; private set; } = [];

    private string MyId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (ModelState.IsValid)
        {
            var user = await users.FindByEmailAsync(Input.Email.Trim());
            if (user is null && string.IsNullOrWhiteSpace(Input.FullName))
            {
                ModelState.AddModelError("Input.FullName", "Chưa có tài khoản với thư điện tử này: nhập họ và tên để mời người mới.");
            }
            else if (user is null)
            {
                return await InviteAsync();
            }
            else if (user.Id == MyId)
            {
                ModelState.AddModelError("Input.Email", "Không được tự cấp vai trò cho chính mình: một quản trị xã khác phải cấp vai trò này.");
            }
            else if (await db.Memberships.AnyAsync(m => m.TenantId == tenant.Required.Id && m.UserId == user.Id && m.Role == Input.Role))
            {
                ModelState.AddModelError("Input.Role", "Người dùng đã có vai trò này tại xã.");
            }
            else
            {
                db.Memberships.Add(new TenantMembership { TenantId = tenant.Required.Id, UserId = user.Id, Role = Input.Role });
                await db.SaveChangesAsync();
                TempData["Message"] = $"Đã thêm {user.FullName} với vai trò {CommuneRoleLabels.Label(Input.Role)}.";
                return RedirectToPage(new { slug = tenant.Required.Slug });
            }
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id)
    {
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.Id == id && m.TenantId == tenant.Required.Id);
        if (membership is null)
        {
            return NotFound();
        }

        var remainingAdmins = await db.Memberships.CountAsync(m => m.TenantId == tenant.Required.Id && m.Role == CommuneRole.CommuneAdmin && m.Id != id);
        if (membership.Role == CommuneRole.CommuneAdmin && remainingAdmins == 0)
        {
            TempData["Error"] = "Không thể gỡ quản trị xã cuối cùng.";
            return RedirectToPage(new { slug = tenant.Required.Slug });
        }

        db.Memberships.Remove(membership);
        await db.SaveChangesAsync();
        TempData["Message"] = "Đã gỡ vai trò.";
        return RedirectToPage(new { slug = tenant.Required.Slug });
    }

    /// <summary>Queues the invitation again for a member who has not set a password yet (the first mail was lost, expired or deleted).</summary>
    public async Task<IActionResult> OnPostResendAsync(string userId)
    {
        var member = await db.Memberships.Where(m => m.TenantId == tenant.Required.Id && m.UserId == userId)
            .Select(m => new { m.User!.FullName, m.User.Email, m.User.PasswordHash }).FirstOrDefaultAsync();
        if (member is null)
        {
            return NotFound();
        }

        var tenantId = tenant.Required.Id;
        if (member.PasswordHash is not null)
        {
            TempData["Error"] = $"{member.FullName} đã đặt mật khẩu; không cần gửi lại thư mời.";
        }
        else if (await db.Set<OutboxMessage>().AnyAsync(m => m.Kind == InvitationKind && m.TenantId == tenantId && m.Reference == userId && m.Status == OutboxStatus.Pending))
        {
            TempData["Error"] = $"Thư mời {member.FullName} đang chờ gửi; hệ thống sẽ tự gửi.";
        }
        else
        {
            outbox.AddComposed(InvitationKind, member.Email!, member.FullName, userId, tenantId);
            await db.SaveChangesAsync();
            TempData["Message"] = $"Đã xếp thư mời gửi lại tới {member.Email}; thư sẽ đi trong ít phút.";
        }

        return RedirectToPage(new { slug = tenant.Required.Slug });
    }

    /// <summary>Creates the account without a password, its role and the invitation mail in one transaction: all or nothing.</summary>
    private async Task<IActionResult> InviteAsync()
    {
        var email = Input.Email.Trim();
        var user = new PortalUser { UserName = email, Email = email, FullName = Input.FullName!.Trim(), JobTitle = Input.JobTitle?.Trim() };
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                foreach (var error in created.Errors)
                {
                    ModelState.AddModelError("Input.Email", error.Description);
                }

                await LoadAsync();
                return Page();
            }

            db.Memberships.Add(new TenantMembership { TenantId = tenant.Required.Id, UserId = user.Id, Role = Input.Role });
            outbox.AddComposed(InvitationKind, email, user.FullName, user.Id, tenant.Required.Id);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        outbox.Wake();
        TempData["Message"] = $"Đã mời {user.FullName}: thư hướng dẫn đặt mật khẩu sẽ được gửi tới {email} trong ít phút.";
        return RedirectToPage(new { slug = tenant.Required.Slug });
    }

    private async Task LoadAsync()
    {
        var tenantId = tenant.Required.Id;
        var memberships = await db.Memberships.AsNoTracking().Where(m => m.TenantId == tenantId)
            .OrderBy(m => m.User!.FullName).ThenBy(m => m.UserId).ThenBy(m => m.Role)
            .Select(m => new { m.Id, m.UserId, m.User!.FullName, m.User.Email, m.User.JobTitle, m.Role, Activated = m.User.PasswordHash != null }).ToListAsync();
        Members = [.. memberships.GroupBy(m => m.UserId).Select(g =>
        {
            var person = g.First();
            return new Person(person.UserId, person.FullName, person.Email!, person.JobTitle, person.Activated, [.. g.Select(m => new RoleHeld(m.Id, m.Role))]);
        })];

        var waiting = Members.Where(m => !m.Activated).Select(m => m.UserId).Distinct().ToList();
        var invitations = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Kind == InvitationKind && m.TenantId == tenantId && waiting.Contains(m.Reference!))
            .Select(m => new { m.Id, m.Reference, m.Status, m.CreatedAt, m.SentAt, m.LastError }).ToListAsync();
        Invitations = invitations.GroupBy(i => i.Reference!).ToDictionary(g => g.Key, g => g.MaxBy(i => i.Id) is var last
            ? new InvitationRow(last!.Status, last.CreatedAt, last.SentAt, last.LastError)
            : throw new InvalidOperationException());

        History = await db.Set<MembershipEvent>().AsNoTracking().Where(e => e.TenantId == tenantId)
            .OrderByDescending(e => e.Id).Take(200)
            .Select(e => new HistoryRow(e.At, db.Users.Where(u => u.Id == e.UserId).Select(u => u.FullName + " (" + u.Email + ")").FirstOrDefault() ?? e.UserId,
                e.Role, e.Change, db.Users.Where(u => u.Id == e.ActorId).Select(u => u.FullName).FirstOrDefault() ?? e.ActorName))
            .ToListAsync();
    }

    public sealed record Person(string UserId, string FullName, string Email, string? JobTitle, bool Activated, IReadOnlyList<RoleHeld> Roles);

    /// <summary>A role and the membership that grants it (what "Gỡ" removes).</summary>
    public sealed record RoleHeld(int MembershipId, CommuneRole Role);

    public sealed record InvitationRow(OutboxStatus Status, DateTime QueuedAt, DateTime? SentAt, string? LastError);

    public sealed record HistoryRow(DateTimeOffset At, string Person, CommuneRole Role, MembershipChange Change, string ActorName);

    public sealed class AddInput
    {
        [Required(ErrorMessage = "Vui lòng nhập thư điện tử.")]
        [EmailAddress(ErrorMessage = "Thư điện tử không hợp lệ.")]
        [MaxLength(256, ErrorMessage = "Thư điện tử dài tối đa 256 ký tự.")]
        [Display(Name = "Thư điện tử của người dùng")]
        public string Email { get; set; } = "";

        [Display(Name = "Vai trò")]
        public CommuneRole Role { get; set; } = CommuneRole.Staff;

        [MaxLength(120, ErrorMessage = "Họ và tên dài tối đa {1} ký tự.")]
        [Display(Name = "Họ và tên (chỉ khi mời người chưa có tài khoản)")]
        public string? FullName { get; set; }

        [MaxLength(120, ErrorMessage = "Chức vụ dài tối đa {1} ký tự.")]
        [Display(Name = "Chức vụ")]
        public string? JobTitle { get; set; }
    }
}
