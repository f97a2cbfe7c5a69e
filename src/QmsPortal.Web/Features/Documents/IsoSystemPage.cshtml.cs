using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Documents;

/// <summary>The commune's four-step ISO status with its evidence: audits, reviews and the head's confirmation come from the audit records; the secretary records the announcement.</summary>
[Authorize(Policy = CommunePolicies.Reader)]
public sealed class IsoSystemPageModel(QmsDbContext db, TenantContext tenant, CommuneAccess access, DocumentLibrary library) : PageModel
{
    [BindProperty]
    public AnnouncementInput Announcement { get; set; } = new();

    public IsoStatus Status { get; private set; } = null!;
    public IReadOnlyList<IsoMilestone> EvidenceRows { get; private set; } = [];
    public IReadOnlyList<ConformityAnnouncement> Announcements { get; private set; } = [];
    public bool CanAuthor { get; private set; }
    public string Slug => tenant.Required.Slug;

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Announcement.Scope = string.Join(", ", await CurrentScopeAsync());
    }

    public async Task<IActionResult> OnPostAnnouncementAsync()
    {
        if (!await IsAuthorAsync())
        {
            return Forbid();
        }

        ModelState.Clear();
        if (TryValidateModel(Announcement, nameof(Announcement)))
        {
            try
            {
                var scope = ControlledDocument.CheckTthcCodes(Announcement.Scope);
                db.Add(new ConformityAnnouncement
                {
                    DecisionNumber = VietnameseText.Normalize(Announcement.DecisionNumber).Trim(),
                    DecisionDate = Announcement.DecisionDate!.Value,
                    SignerName = VietnameseText.Normalize(Announcement.SignerName).Trim(),
                    SignerTitle = VietnameseText.Normalize(Announcement.SignerTitle).Trim(),
                    Scope = scope,
                    PostedOn = Announcement.PostedOn,
                    PostingPlace = string.IsNullOrWhiteSpace(Announcement.PostingPlace) ? null : VietnameseText.Normalize(Announcement.PostingPlace).Trim(),
                });
                await db.SaveChangesAsync();
                TempData["Message"] = $"Đã ghi nhận quyết định công bố số {Announcement.DecisionNumber}.";
                return Redirect($"/{Slug}/tai-lieu/he-thong-iso");
            }
            catch (DomainException e)
            {
                ModelState.AddModelError("Announcement.Scope", e.Message);
            }
        }

        await LoadAsync();
        return Page();
    }

    private async Task<bool> IsAuthorAsync() => await access.HasRoleAsync(CommuneRole.QualitySecretary, CommuneRole.CommuneAdmin);

    private async Task<IReadOnlyList<string>> CurrentScopeAsync() => (await library.CurrentScopeAsync()).Order().ToList();

    private async Task LoadAsync()
    {
        CanAuthor = await IsAuthorAsync();
        Status = await library.IsoStatusAsync();
        EvidenceRows = await db.Set<IsoMilestone>().AsNoTracking().OrderByDescending(e => e.Date).ThenByDescending(e => e.Id).ToListAsync();
        Announcements = await db.Set<ConformityAnnouncement>().AsNoTracking().OrderByDescending(a => a.DecisionDate).ToListAsync();
    }

    public sealed class AnnouncementInput
    {
        [Required(ErrorMessage = "Vui lòng nhập số quyết định.")]
        [MaxLength(60, ErrorMessage = "Tối đa 60 ký tự.")]
        [Display(Name = "Số quyết định công bố")]
        public string DecisionNumber { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng chọn ngày ký.")]
        [Display(Name = "Ngày ký")]
        public DateOnly? DecisionDate { get; set; }

        [Required(ErrorMessage = "Vui lòng nhập người ký.")]
        [MaxLength(200, ErrorMessage = "Tối đa 200 ký tự.")]
        [Display(Name = "Người ký")]
        public string SignerName { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng nhập chức vụ người ký.")]
        [MaxLength(200, ErrorMessage = "Tối đa 200 ký tự.")]
        [Display(Name = "Chức vụ")]
        public string SignerTitle { get; set; } = "Chủ tịch UBND xã";

        [Required(ErrorMessage = "Phạm vi công bố cần ít nhất một mã TTHC.")]
        [Display(Name = "Phạm vi: các mã TTHC áp dụng")]
        public string Scope { get; set; } = "";

        [Display(Name = "Ngày niêm yết")]
        public DateOnly? PostedOn { get; set; }

        [MaxLength(300, ErrorMessage = "Tối đa 300 ký tự.")]
        [Display(Name = "Nơi niêm yết")]
        public string? PostingPlace { get; set; }
    }
}
