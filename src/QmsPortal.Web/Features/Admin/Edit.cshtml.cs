using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Shared;
using QmsPortal.Web.Recipes;
using QmsPortal.Web.Tenancy;
using QmsPortal.Web.Theming;

namespace QmsPortal.Web.Features.Admin;

/// <summary>A commune's platform settings: name, theme, host names, suspension, and applying a recipe.</summary>
public sealed class EditModel(QmsDbContext db, TenantDirectory directory, RecipeRunner recipes, ThemeCatalog themes, PublicPageCache publicPages) : PageModel
{
    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    [BindProperty]
    [MaxLength(500, ErrorMessage = "Lý do dài tối đa {1} ký tự.")]
    public string? DisableReason { get; set; }

    [BindProperty]
    public string? Recipe { get; set; }

    public Tenant Commune { get; private set; } = null!;
    public IReadOnlyCollection<ThemeManifest> Themes => themes.All;
    public IReadOnlyList<string> Recipes { get; private set; } = [];
    public IReadOnlyList<RecipeApplication> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (!await LoadAsync(slug))
        {
            return NotFound();
        }

        Input = new SettingsInput
        {
            Name = Commune.Name, Theme = Commune.Theme, HostNames = string.Join('\n', Commune.HostNames.Select(h => h.HostName)),
            FormerNames = Commune.FormerNames, Address = Commune.Address, Phone = Commune.Phone, Email = Commune.Email, OfficeHours = Commune.OfficeHours,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string slug)
    {
        if (!await LoadAsync(slug))
        {
            return NotFound();
        }

        // Every rule is checked before anything changes, so one submit shows every problem (a field keeps its first message).
        if (themes.Find(Input.Theme) is null)
        {
            AddError("Theme", "Không có giao diện này.");
        }

        Check(() => new Tenant().Rename(Input.Name ?? ""));
        var wanted = new List<string>();
        foreach (var line in (Input.HostNames ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            Check(() => wanted.Add(TenantHostName.Normalize(line)));
        }

        wanted = [.. wanted.Distinct()];
        var taken = await db.TenantHostNames.Where(h => wanted.Contains(h.HostName) && h.TenantId != Commune.Id).Select(h => h.HostName).FirstOrDefaultAsync();
        if (taken is not null)
        {
            AddError("HostNames", $"Tên miền \"{taken}\" đã thuộc về xã, phường khác.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Commune.Rename(Input.Name!);
        Commune.Theme = Input.Theme;
        Commune.FormerNames = Blank(Input.FormerNames);
        Commune.Address = Blank(Input.Address);
        Commune.Phone = Blank(Input.Phone);
        Commune.Email = Blank(Input.Email);
        Commune.OfficeHours = Blank(Input.OfficeHours);
        Commune.HostNames.RemoveAll(h => !wanted.Contains(h.HostName));
        wanted.ForEach(Commune.AddHostName);
        await db.SaveChangesAsync();
        await ForgetAsync();
        TempData["Message"] = "Đã lưu.";
        return RedirectToPage(new { slug });
    }

    public async Task<IActionResult> OnPostDisableAsync(string slug)
    {
        if (!await LoadAsync(slug))
        {
            return NotFound();
        }

        ModelState.Clear();
        if (DisableReason?.Length > 500)
        {
            ModelState.AddModelError(nameof(DisableReason), "Lý do dài tối đa 500 ký tự.");
            return Page();
        }

        Commune.Disable(DisableReason);
        await db.SaveChangesAsync();
        await ForgetAsync();
        TempData["Message"] = $"{Commune.Name} đã tạm ngừng hoạt động trên cổng.";
        return RedirectToPage(new { slug });
    }

    public async Task<IActionResult> OnPostEnableAsync(string slug)
    {
        if (!await LoadAsync(slug))
        {
            return NotFound();
        }

        Commune.Enable();
        await db.SaveChangesAsync();
        await ForgetAsync();
        TempData["Message"] = $"{Commune.Name} đã hoạt động trở lại.";
        return RedirectToPage(new { slug });
    }

    public async Task<IActionResult> OnPostApplyRecipeAsync(string slug)
    {
        if (!await LoadAsync(slug))
        {
            return NotFound();
        }

        ModelState.Clear();
        if (Recipe is null || !Recipes.Contains(Recipe))
        {
            ModelState.AddModelError(nameof(Recipe), "Hãy chọn một công thức trong danh sách.");
            return Page();
        }

        try
        {
            var province = await db.Provinces.Where(p => p.Code == Commune.ProvinceCode).Select(p => p.Name).FirstAsync();
            await recipes.ApplyAsync(await recipes.LoadAsync(Recipe), CommuneProvisioner.ToInfo(Commune, province));
        }
        catch (RecipeValidationException e)
        {
            foreach (var error in e.Errors)
            {
                ModelState.AddModelError(nameof(Recipe), error.ToString());
            }

            return Page();
        }

        await ForgetAsync();
        TempData["Message"] = $"Đã áp dụng công thức {Recipe}.";
        return RedirectToPage(new { slug });
    }

    private void Check(Action rule)
    {
        try
        {
            rule();
        }
        catch (DomainException e)
        {
            AddError(e.Field ?? "", e.Message);
        }
    }

    private void AddError(string field, string message)
    {
        var key = "Input." + field;
        if (ModelState[key] is not { Errors.Count: > 0 })
        {
            ModelState.AddModelError(key, message);
        }
    }

    private async Task<bool> LoadAsync(string slug)
    {
        var commune = await db.Tenants.Include(t => t.HostNames).Include(t => t.Province).FirstOrDefaultAsync(t => t.Slug == slug);
        if (commune is null)
        {
            return false;
        }

        Commune = commune;
        Recipes = await recipes.CommuneRecipesAsync();
        History = await db.Set<RecipeApplication>().AsNoTracking().Where(r => r.TenantId == commune.Id).OrderByDescending(r => r.Id).Take(20).ToListAsync();
        return true;
    }

    /// <summary>Name, theme, address and status show on every public page of the commune.</summary>
    private async Task ForgetAsync()
    {
        directory.Forget();
        await publicPages.EvictAsync(Commune.Id);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public sealed class SettingsInput
    {
        [Required(ErrorMessage = "Vui lòng nhập tên xã, phường.")]
        [MaxLength(Tenant.NameMaxLength, ErrorMessage = "Tên dài tối đa {1} ký tự.")]
        [Display(Name = "Tên")]
        public string Name { get; set; } = "";

        [Display(Name = "Giao diện")]
        public string Theme { get; set; } = ThemeCatalog.DefaultTheme;

        [MaxLength(2000, ErrorMessage = "Danh sách tên miền quá dài.")]
        [Display(Name = "Tên miền riêng (mỗi dòng một tên)")]
        public string? HostNames { get; set; }

        [MaxLength(500, ErrorMessage = "Tên cũ dài tối đa {1} ký tự.")]
        [Display(Name = "Tên cũ trước sáp nhập")]
        public string? FormerNames { get; set; }

        [MaxLength(300, ErrorMessage = "Địa chỉ dài tối đa {1} ký tự.")]
        [Display(Name = "Địa chỉ trụ sở")]
        public string? Address { get; set; }

        [MaxLength(50, ErrorMessage = "Số điện thoại dài tối đa {1} ký tự.")]
        [Display(Name = "Điện thoại")]
        public string? Phone { get; set; }

        [MaxLength(120, ErrorMessage = "Thư điện tử dài tối đa {1} ký tự.")]
        [EmailAddress(ErrorMessage = "Thư điện tử không hợp lệ.")]
        [Display(Name = "Thư điện tử")]
        public string? Email { get; set; }

        [MaxLength(300, ErrorMessage = "Giờ làm việc dài tối đa {1} ký tự.")]
        [Display(Name = "Thời gian tiếp nhận hồ sơ")]
        public string? OfficeHours { get; set; }
    }
}
