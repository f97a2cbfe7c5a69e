using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Admin;

/// <summary>
/// Province roles, given per province: a ProvinceAuditor reads the communes of one province, a ProvinceEditor keeps
/// its TTHC catalogue. Each grant or revoke changes the role and the province column together, in one transaction.
/// </summary>
public sealed class ProvinceUsersModel(QmsDbContext db, UserManager<PortalUser> users) : PageModel
{
    public static readonly string[] ProvinceRoles = [PlatformRoles.ProvinceAuditor, PlatformRoles.ProvinceEditor];

    [BindProperty]
    public GrantInput Input { get; set; } = new();

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<Province> Provinces { get; private set; } = [];

    public sealed record Row(string UserId, string Email, string FullName, string Role, string? ProvinceCode, string? ProvinceName);

    public sealed class GrantInput
    {
        [Display(Name = "Thư điện tử của người dùng")]
        public string? Email { get; set; }

        [Display(Name = "Vai trò")]
        public string? Role { get; set; }

        [Display(Name = "Tỉnh, thành phố")]
        public string? Province { get; set; }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostGrantAsync(CancellationToken cancellationToken)
    {
        var email = Input.Email?.Trim() ?? "";
        var user = email.Length == 0 ? null : await users.FindByEmailAsync(email);
        if (email.Length == 0)
        {
            ModelState.AddModelError("Input.Email", "Nhập thư điện tử của người dùng.");
        }
        else if (user is null)
        {
            ModelState.AddModelError("Input.Email", $"Không có người dùng nào có thư điện tử {email}. Người đó cần có tài khoản trước.");
        }

        if (!ProvinceRoles.Contains(Input.Role))
        {
            ModelState.AddModelError("Input.Role", "Chọn vai trò: kiểm tra viên cấp tỉnh hoặc biên tập danh mục TTHC cấp tỉnh.");
        }

        var province = await db.Provinces.AsNoTracking().FirstOrDefaultAsync(p => p.Code == Input.Province, cancellationToken);
        if (province is null)
        {
            ModelState.AddModelError("Input.Province", string.IsNullOrWhiteSpace(Input.Province)
                ? "Chọn tỉnh, thành phố."
                : $"Không có tỉnh, thành phố mã \"{Input.Province}\".");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (Input.Role == PlatformRoles.ProvinceEditor)
        {
            user!.EditedProvinceCode = province!.Code;
        }
        else
        {
            user!.SupervisedProvinceCode = province!.Code;
        }

        Check(await users.UpdateAsync(user));
        if (!await users.IsInRoleAsync(user, Input.Role!))
        {
            Check(await users.AddToRoleAsync(user, Input.Role!));
        }

        await transaction.CommitAsync(cancellationToken);
        TempData["Message"] = $"{user.Email} là {CommuneRoleLabels.PlatformLabel(Input.Role!).ToLowerInvariant()} của {province.Name}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string? userId, string? role, CancellationToken cancellationToken)
    {
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is null || !ProvinceRoles.Contains(role))
        {
            return NotFound();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (role == PlatformRoles.ProvinceEditor)
        {
            user.EditedProvinceCode = null;
        }
        else
        {
            user.SupervisedProvinceCode = null;
        }

        Check(await users.UpdateAsync(user));
        if (await users.IsInRoleAsync(user, role!))
        {
            // Also renews the security stamp, so the role leaves the person's other signed-in sessions too.
            Check(await users.RemoveFromRoleAsync(user, role!));
        }

        await transaction.CommitAsync(cancellationToken);
        TempData["Message"] = $"Đã thu hồi vai trò {CommuneRoleLabels.PlatformLabel(role!).ToLowerInvariant()} của {user.Email}.";
        return RedirectToPage();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Provinces = await db.Provinces.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
        var rows = await (from ur in db.UserRoles
                          join r in db.Roles on ur.RoleId equals r.Id
                          join u in db.Users on ur.UserId equals u.Id
                          where r.Name == PlatformRoles.ProvinceAuditor || r.Name == PlatformRoles.ProvinceEditor
                          select new { u.Id, u.Email, u.FullName, Role = r.Name!, u.SupervisedProvinceCode, u.EditedProvinceCode })
            .AsNoTracking().ToListAsync(cancellationToken);
        var names = Provinces.ToDictionary(p => p.Code, p => p.Name);
        Rows = rows.Select(r =>
            {
                var code = r.Role == PlatformRoles.ProvinceEditor ? r.EditedProvinceCode : r.SupervisedProvinceCode;
                return new Row(r.Id, r.Email ?? "", r.FullName, r.Role, code, code is not null && names.TryGetValue(code, out var name) ? name : null);
            })
            .OrderBy(r => r.ProvinceName).ThenBy(r => r.Role).ThenBy(r => r.Email, StringComparer.Ordinal).ToList();
    }
}
