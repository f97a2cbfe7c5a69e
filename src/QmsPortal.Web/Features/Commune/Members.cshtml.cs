using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Account;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Commune;

/// <summary>
/// Who holds which role in the commune. Readers (members, the province's auditors) see the list; only the commune
/// administrator gives roles, invites new people, or takes roles away.
/// </summary>
[Authorize(Policy = CommunePolicies.Reader)]
public sealed class MembersModel(QmsDbContext db, TenantContext tenant, CommuneAccess access, UserManager<PortalUser> users, AccountMail mail) : PageModel
{
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

    public IReadOnlyList<Row> Members { get; private set; } = [];

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

    /// <summary>Creates the account without a password and e-mails a link to set one.</summary>
    private async Task<IActionResult> InviteAsync()
    {
        var email = Input.Email.Trim();
        var user = new PortalUser { UserName = email, Email = email, FullName = Input.FullName!.Trim(), JobTitle = Input.JobTitle?.Trim() };
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
        await db.SaveChangesAsync();
        await mail.SendInvitationAsync(user, tenant.Required.Name, CommuneRoleLabels.Label(Input.Role), $"{Request.Scheme}://{Request.Host}{Request.PathBase}");
        TempData["Message"] = $"Đã mời {user.FullName}: thư hướng dẫn đặt mật khẩu đã gửi tới {email}.";
        return RedirectToPage(new { slug = tenant.Required.Slug });
    }

    private async Task LoadAsync() =>
        Members = await db.Memberships.AsNoTracking().Where(m => m.TenantId == tenant.Required.Id)
            .OrderBy(m => m.User!.FullName).ThenBy(m => m.Role)
            .Select(m => new Row(m.Id, m.User!.FullName, m.User.Email!, m.User.JobTitle, m.Role)).ToListAsync();

    public sealed record Row(int Id, string FullName, string Email, string? JobTitle, CommuneRole Role);

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
