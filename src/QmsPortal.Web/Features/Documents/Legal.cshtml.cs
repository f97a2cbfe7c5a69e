using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Documents;

/// <summary>New legal texts that affect the library; each affected document gets an update due 3 months after the text takes effect.</summary>
[Authorize(Policy = CommunePolicies.Reader)]
public sealed class LegalModel(QmsDbContext db, TenantContext tenant, CommuneAccess access, DocumentLibrary library) : PageModel
{
    [BindProperty]
    public LegalInput Input { get; set; } = new();

    public IReadOnlyList<Row> Texts { get; private set; } = [];
    public IReadOnlyList<(int Id, string Code, string Title)> Documents { get; private set; } = [];
    public bool CanAuthor { get; private set; }
    public DateOnly Today { get; private set; }
    public string Slug => tenant.Required.Slug;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostRegisterAsync()
    {
        if (!await access.HasRoleAsync(CommuneRole.QualitySecretary, CommuneRole.CommuneAdmin))
        {
            return Forbid();
        }

        if (ModelState.IsValid)
        {
            try
            {
                var ids = Input.DocumentIds.Distinct().ToList();
                var known = await db.Set<ControlledDocument>().CountAsync(d => ids.Contains(d.Id));
                if (known != ids.Count)
                {
                    throw new DomainException("Có tài liệu được chọn không thuộc xã này.", "DocumentIds");
                }

                var text = LegalText.Register(Input.Number, Input.Title, Input.EffectiveDate!.Value, Input.Replaces, ids);
                db.Add(text);
                await db.SaveChangesAsync();
                TempData["Message"] = $"Đã ghi nhận văn bản {text.Number}; {ids.Count} tài liệu cần cập nhật trước ngày {Text.VietnameseFormat.Date(text.UpdateDue)}.";
                return Redirect($"/{Slug}/tai-lieu/van-ban-phap-ly");
            }
            catch (DomainException e)
            {
                ModelState.AddModelError("Input." + (e.Field ?? "Number"), e.Message);
            }
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Today = library.Today;
        CanAuthor = await access.HasRoleAsync(CommuneRole.QualitySecretary, CommuneRole.CommuneAdmin);
        var texts = await db.Set<LegalText>().AsNoTracking().OrderByDescending(t => t.EffectiveDate)
            .Select(t => new { t.Id, t.Number, t.Title, t.EffectiveDate, t.Replaces }).ToListAsync();
        var items = await db.Set<LegalChangeItem>().AsNoTracking()
            .Join(db.Set<ControlledDocument>(), i => i.DocumentId, d => d.Id, (i, d) => new { i.LegalTextId, Row = new ItemRow(d.Id, d.Code, i.DueDate, i.ResolvedAt) })
            .ToListAsync();
        Texts = texts.Select(t => new Row(t.Number, t.Title, t.EffectiveDate, t.Replaces,
            items.Where(i => i.LegalTextId == t.Id).Select(i => i.Row).OrderBy(i => i.Code).ToList())).ToList();
        Documents = (await db.Set<ControlledDocument>().AsNoTracking().OrderBy(d => d.Code).Select(d => new { d.Id, d.Code, d.Title }).ToListAsync())
            .Select(d => (d.Id, d.Code, d.Title)).ToList();
    }

    public sealed record Row(string Number, string Title, DateOnly EffectiveDate, string? Replaces, IReadOnlyList<ItemRow> Items);

    public sealed record ItemRow(int DocumentId, string Code, DateOnly DueDate, DateTimeOffset? ResolvedAt);

    public sealed class LegalInput
    {
        [Required(ErrorMessage = "Vui lòng nhập số hiệu văn bản.")]
        [MaxLength(60, ErrorMessage = "Số hiệu dài tối đa 60 ký tự.")]
        [Display(Name = "Số hiệu (ví dụ 61/2018/NĐ-CP)")]
        public string Number { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng nhập trích yếu.")]
        [MaxLength(300, ErrorMessage = "Trích yếu dài tối đa 300 ký tự.")]
        [Display(Name = "Trích yếu")]
        public string Title { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng chọn ngày có hiệu lực.")]
        [Display(Name = "Ngày có hiệu lực")]
        public DateOnly? EffectiveDate { get; set; }

        [MaxLength(200, ErrorMessage = "Tối đa 200 ký tự.")]
        [Display(Name = "Thay thế văn bản")]
        public string? Replaces { get; set; }

        [Display(Name = "Tài liệu chịu ảnh hưởng")]
        public List<int> DocumentIds { get; set; } = [];
    }
}
