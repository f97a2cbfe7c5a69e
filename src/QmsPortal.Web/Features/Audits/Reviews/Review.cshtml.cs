using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Audits.Reviews;

/// <summary>
/// The record of one management review: its frozen inputs, the risks and outputs written at the meeting, decisions with
/// owners and due dates; the chair closes the minutes, then the chair or another Approver confirms the system effective.
/// Decisions are marked done later, also after the minutes are closed.
/// </summary>
[Authorize(Policy = CommunePolicies.Reader)]
public sealed class ReviewModel(QmsDbContext db, TenantContext tenant, CommuneAccess access, TimeProvider clock) : PageModel
{
    [BindProperty]
    public OutputsInput Outputs { get; set; } = new();

    [BindProperty]
    public DecisionInput Decision { get; set; } = new();

    [BindProperty]
    public ConfirmInput Confirm { get; set; } = new();

    public ManagementReview Review { get; private set; } = null!;
    public ReviewInputs? Inputs { get; private set; }
    public IReadOnlyList<EffectivenessConfirmation> Confirmations { get; private set; } = [];
    public IReadOnlyList<CommuneMember> Members { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool IsChair { get; private set; }
    public bool CanConfirm { get; private set; }
    public string? UserId { get; private set; }
    public bool IsSecretaryOrApprover { get; private set; }
    public DateOnly Today { get; private set; }
    public string Slug => tenant.Required.Slug;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Outputs = new OutputsInput
        {
            Risks = Review.Risks, Discussion = Review.Discussion, ImprovementOpportunities = Review.ImprovementOpportunities,
            QmsChanges = Review.QmsChanges, ResourceNeeds = Review.ResourceNeeds,
        };
        Decision.DueDate = Today.AddMonths(1);
        Confirm.ConfirmedOn = Today;
        Confirm.Statement = $"Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 của UBND {tenant.Required.Name} được duy trì, áp dụng có hiệu lực.";
        return Page();
    }

    public Task<IActionResult> OnPostOutputsAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, nameof(Outputs), Outputs, editor: true, async (review, _) =>
        {
            review.RecordOutputs(Outputs.Risks, Outputs.Discussion, Outputs.ImprovementOpportunities, Outputs.QmsChanges, Outputs.ResourceNeeds);
            await Task.CompletedTask;
            return "Đã lưu nội dung cuộc họp.";
        }, cancellationToken);

    public Task<IActionResult> OnPostDecideAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, nameof(Decision), Decision, editor: true, async (review, _) =>
        {
            var owner = await ReviewPeople.MemberAsync(db, tenant.Required.Id, Decision.OwnerId, cancellationToken)
                ?? throw new DomainException("Chọn người thực hiện trong số thành viên của xã.", "OwnerId");
            review.Decide(Decision.Text, owner.Person, Decision.DueDate!.Value);
            return "Đã ghi quyết định.";
        }, cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, null, null, editor: false, async (review, me) =>
        {
            review.Close(me.Person, clock.GetUtcNow());
            db.Add(IsoMilestone.FromRecord(IsoMilestoneKind.ManagementReview, review.HeldOn,
                $"Biên bản xem xét của lãnh đạo họp ngày {VietnameseFormat.Date(review.HeldOn)}, {review.ChairName} chủ trì", $"danh-gia/xem-xet-lanh-dao/{review.Id}"));
            await Task.CompletedTask;
            return "Người chủ trì đã kết thúc biên bản xem xét.";
        }, cancellationToken);

    public Task<IActionResult> OnPostConfirmAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, nameof(Confirm), Confirm, editor: false, async (review, me) =>
        {
            db.Add(review.ConfirmEffectiveness(Confirm.ConfirmedOn!.Value, me.Person, me.IsApprover, Confirm.Statement, VietnameseFormat.Today(clock), clock.GetUtcNow()));
            db.Add(IsoMilestone.FromRecord(IsoMilestoneKind.EffectivenessConfirmation, Confirm.ConfirmedOn.Value,
                $"{me.Person.Name} xác nhận hiệu lực sau cuộc họp ngày {VietnameseFormat.Date(review.HeldOn)}", $"danh-gia/xem-xet-lanh-dao/{review.Id}"));
            await Task.CompletedTask;
            return "Đã ghi nhận xác nhận hiệu lực của hệ thống.";
        }, cancellationToken);

    public Task<IActionResult> OnPostDoneAsync(int id, int item, string? note, CancellationToken cancellationToken) =>
        ActAsync(id, null, null, editor: false, async (review, me) =>
        {
            var decision = review.Actions.FirstOrDefault(a => a.Id == item) ?? throw new DomainException("Không có quyết định này trong biên bản.");
            if (decision.OwnerId != me.UserId && !me.Roles.Overlaps([CommuneRole.QualitySecretary, CommuneRole.Approver]))
            {
                throw new DomainException("Chỉ người thực hiện, thư ký ISO hoặc lãnh đạo ghi nhận quyết định đã hoàn thành.");
            }

            decision.MarkDone(VietnameseFormat.Today(clock), note);
            await Task.CompletedTask;
            return "Đã ghi nhận quyết định hoàn thành.";
        }, cancellationToken);

    /// <summary>
    /// One shape for every action: the review of this commune (404 otherwise), a member acting (a platform role reads
    /// only), the input of the form checked, the entity's rule applied, saved, and back to the record with a message.
    /// </summary>
    private async Task<IActionResult> ActAsync(int id, string? prefix, object? input, bool editor,
        Func<ManagementReview, CommuneMember, Task<string>> act, CancellationToken cancellationToken)
    {
        var review = await db.Set<ManagementReview>().Include(r => r.Actions).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (review is null)
        {
            return NotFound();
        }

        var me = await ReviewPeople.MemberAsync(db, tenant.Required.Id, ReviewPeople.UserId(User), cancellationToken);
        if (me is null || (editor && !me.Roles.Overlaps([CommuneRole.QualitySecretary, CommuneRole.Approver])))
        {
            return Forbid();
        }

        ModelState.Clear();
        if (input is null || TryValidateModel(input, prefix))
        {
            try
            {
                var message = await act(review, me);
                await db.SaveChangesAsync(cancellationToken);
                TempData["Message"] = message;
                return Redirect($"/{Slug}/danh-gia/xem-xet-lanh-dao/{id}");
            }
            catch (DomainException e)
            {
                ModelState.AddModelError(prefix is null || e.Field is null ? "" : $"{prefix}.{e.Field}", e.Message);
            }
        }

        db.ChangeTracker.Clear();
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var review = await db.Set<ManagementReview>().AsNoTracking().Include(r => r.Actions).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (review is null)
        {
            return false;
        }

        Review = review;
        Inputs = ReviewInputs.FromJson(review.InputsSnapshot);
        Confirmations = await db.Set<EffectivenessConfirmation>().AsNoTracking().Where(c => c.ReviewId == id).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        Members = await ReviewPeople.MembersAsync(db, tenant.Required.Id, cancellationToken);
        Today = VietnameseFormat.Today(clock);
        UserId = ReviewPeople.UserId(User);
        var roles = await access.RolesAsync(cancellationToken);
        IsSecretaryOrApprover = roles.Overlaps([CommuneRole.QualitySecretary, CommuneRole.Approver]);
        CanEdit = review.Status == ReviewStatus.Draft && IsSecretaryOrApprover;
        IsChair = review.Status == ReviewStatus.Draft && UserId == review.ChairId;
        CanConfirm = review.Status == ReviewStatus.Closed && roles.Contains(CommuneRole.Approver);
        return true;
    }

    public bool CanMarkDone(ReviewAction action) => action.DoneOn is null && (IsSecretaryOrApprover || action.OwnerId == UserId);

    public sealed class OutputsInput
    {
        [MaxLength(ManagementReview.TextMaxLength, ErrorMessage = "Dài tối đa 8000 ký tự.")]
        [Display(Name = "Rủi ro và cơ hội; hiệu lực của các hành động giải quyết rủi ro")]
        public string? Risks { get; set; }

        [MaxLength(ManagementReview.TextMaxLength, ErrorMessage = "Dài tối đa 8000 ký tự.")]
        [Display(Name = "Nội dung thảo luận và kết luận")]
        public string? Discussion { get; set; }

        [MaxLength(ManagementReview.TextMaxLength, ErrorMessage = "Dài tối đa 8000 ký tự.")]
        [Display(Name = "Cơ hội cải tiến")]
        public string? ImprovementOpportunities { get; set; }

        [MaxLength(ManagementReview.TextMaxLength, ErrorMessage = "Dài tối đa 8000 ký tự.")]
        [Display(Name = "Thay đổi cần thiết đối với hệ thống quản lý chất lượng")]
        public string? QmsChanges { get; set; }

        [MaxLength(ManagementReview.TextMaxLength, ErrorMessage = "Dài tối đa 8000 ký tự.")]
        [Display(Name = "Nhu cầu về nguồn lực")]
        public string? ResourceNeeds { get; set; }
    }

    public sealed class DecisionInput
    {
        [Required(ErrorMessage = "Vui lòng nhập nội dung quyết định.")]
        [MaxLength(ReviewAction.TextMaxLength, ErrorMessage = "Nội dung quyết định dài tối đa 1000 ký tự.")]
        [Display(Name = "Quyết định, hành động")]
        public string? Text { get; set; }

        [Required(ErrorMessage = "Vui lòng chọn người thực hiện.")]
        [Display(Name = "Người thực hiện")]
        public string? OwnerId { get; set; }

        [Required(ErrorMessage = "Vui lòng chọn hạn thực hiện.")]
        [Display(Name = "Hạn thực hiện")]
        public DateOnly? DueDate { get; set; }
    }

    public sealed class ConfirmInput
    {
        [Required(ErrorMessage = "Vui lòng chọn ngày xác nhận.")]
        [Display(Name = "Ngày xác nhận")]
        public DateOnly? ConfirmedOn { get; set; }

        [Required(ErrorMessage = "Vui lòng nhập nội dung xác nhận.")]
        [MaxLength(2000, ErrorMessage = "Nội dung xác nhận dài tối đa 2000 ký tự.")]
        [Display(Name = "Nội dung xác nhận")]
        public string? Statement { get; set; }
    }
}
