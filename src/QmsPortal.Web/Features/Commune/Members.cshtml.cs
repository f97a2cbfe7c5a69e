using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Commune;

/// <summary>The commune administrator gives existing portal users roles in this commune, or takes them away.</summary>
[Authorize(Policy = CommunePolicies.Manage)]
public sealed class MembersModel(QmsDbContext db, TenantContext tenant, UserManager<PortalUser> users) : PageModel
{
    [BindProperty]
    public AddInput Input { get; set; } = new();

    public IReadOnlyList<Row> Members { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (ModelState.IsValid)
        {
            var user = await users.FindByEmailAsync(Input.Email.Trim());
            if (user is null)
            {
                ModelState.AddModelError("Input.Email", "Không có tài khoản nào với thư điện tử này. Quản trị hệ thống cần tạo tài khoản trước.");
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
    }
}
