using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Recipes;
using QmsPortal.Web.Tenancy;
using QmsPortal.Web.Theming;

namespace QmsPortal.Web.Features.Admin;

public sealed class CreateModel(QmsDbContext db, CommuneProvisioner provisioner, RecipeRunner recipes, ThemeCatalog themes) : PageModel
{
    [BindProperty]
    public CommuneInput Input { get; set; } = new();

    public IReadOnlyList<Province> Provinces { get; private set; } = [];
    public IReadOnlyList<string> Recipes { get; private set; } = [];
    public IReadOnlyCollection<ThemeManifest> Themes => themes.All;

    public async Task OnGetAsync() => await LoadListsAsync();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadListsAsync();
        // Every check runs on every submit, so one round trip shows all that is wrong (a field keeps its first message).
        var spec = Input.ToSpec();
        if (await db.Tenants.AnyAsync(t => t.Code == spec.Code, cancellationToken))
        {
            AddError("Code", $"Đã có xã, phường mang mã {spec.Code}.");
        }

        foreach (var (field, message) in await provisioner.CheckAsync(spec, cancellationToken))
        {
            AddError(field.Length == 0 ? "Code" : field, message);
        }

        if (Input.Recipe is { } chosen && !Recipes.Contains(chosen))
        {
            AddError("Recipe", "Công thức không có trong danh sách.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var tenant = await provisioner.ProvisionAsync(spec, Input.Recipe is null ? [] : [Input.Recipe], cancellationToken);
            TempData["Message"] = $"Đã tạo {tenant.Name}.";
            return RedirectToPage("/Admin/Edit", new { slug = tenant.Slug });
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(e.Field is null ? "" : "Input." + e.Field, e.Message);
        }
        catch (RecipeValidationException e)
        {
            ModelState.AddModelError("Input.Recipe", string.Join(" ", e.Errors));
        }

        return Page();
    }

    private void AddError(string field, string message)
    {
        var key = "Input." + field;
        if (ModelState[key] is not { Errors.Count: > 0 })
        {
            ModelState.AddModelError(key, message);
        }
    }

    private async Task LoadListsAsync()
    {
        Provinces = await db.Provinces.AsNoTracking().OrderBy(p => p.Name).ToListAsync();
        Recipes = await recipes.CommuneRecipesAsync();
    }

    public sealed class CommuneInput
    {
        [Required(ErrorMessage = "Vui lòng nhập tên xã, phường.")]
        [MaxLength(Tenant.NameMaxLength, ErrorMessage = "Tên dài tối đa {1} ký tự.")]
        [Display(Name = "Tên (ví dụ: Xã Kỳ Đồng)")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng nhập đường dẫn.")]
        [MaxLength(60, ErrorMessage = "Đường dẫn dài tối đa {1} ký tự.")]
        [Display(Name = "Đường dẫn (slug, ví dụ: ky-dong)")]
        public string Slug { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng nhập mã đơn vị hành chính.")]
        [Display(Name = "Mã đơn vị hành chính (5 chữ số)")]
        public string Code { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng chọn tỉnh, thành phố.")]
        [Display(Name = "Tỉnh, thành phố")]
        public string ProvinceCode { get; set; } = "";

        [Display(Name = "Loại đơn vị")]
        public CommuneKind Kind { get; set; } = CommuneKind.Xa;

        [Display(Name = "Giao diện")]
        public string Theme { get; set; } = ThemeCatalog.DefaultTheme;

        [MaxLength(2000, ErrorMessage = "Danh sách tên miền quá dài.")]
        [Display(Name = "Tên miền riêng (mỗi dòng một tên)")]
        public string? HostNames { get; set; }

        [MaxLength(500, ErrorMessage = "Tên cũ dài tối đa {1} ký tự.")]
        [Display(Name = "Tên cũ trước sáp nhập (cách nhau bởi dấu ;)")]
        public string? FormerNames { get; set; }

        [Display(Name = "Công thức khởi tạo")]
        public string? Recipe { get; set; } = "commune-starter";

        // Model binding leaves an empty field null despite the initialisers; every check must still run on it.
        public CommuneSpec ToSpec() => new(
            (Slug ?? "").Trim(), (Name ?? "").Trim(), (Code ?? "").Trim(), ProvinceCode ?? "", Kind, Theme ?? "",
            (HostNames ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            string.IsNullOrWhiteSpace(FormerNames) ? null : FormerNames.Trim());
    }
}
