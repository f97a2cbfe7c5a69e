using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Tthc;

/// <summary>One posting: local details, posting and withdrawal, and accepting the province's new version.</summary>
[Authorize(Policy = CommunePolicies.Author)]
public sealed class PostingModel(QmsDbContext db, TenantContext tenant, Postings postings, TimeProvider clock, IDocumentCodes documents) : PageModel
{
    public TthcPosting Posting { get; private set; } = null!;

    /// <summary>The library document the saved internal procedure code names, or null (none saved, or it no longer exists).</summary>
    public DocumentReference? WorkProcedure { get; private set; }
    public PostingState State { get; private set; } = null!;
    public CatalogueVersion Shown { get; private set; } = null!;
    public CatalogueVersion Latest { get; private set; } = null!;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [StringLength(TthcPosting.LocalMax, ErrorMessage = "Tối đa 500 ký tự.")]
        public string? Room { get; set; }

        [StringLength(TthcPosting.LocalMax, ErrorMessage = "Tối đa 500 ký tự.")]
        public string? Contact { get; set; }

        [StringLength(TthcPosting.LocalMax, ErrorMessage = "Tối đa 500 ký tự.")]
        public string? OfficeHours { get; set; }

        [StringLength(2000, ErrorMessage = "Tối đa 2.000 ký tự.")]
        public string? LocalFeeNote { get; set; }

        [StringLength(60, ErrorMessage = "Mã quy trình tối đa 60 ký tự.")]
        [RegularExpression(@"^[\p{L}\p{N}][\p{L}\p{N}./_-]*$", ErrorMessage = "Mã quy trình chỉ gồm chữ, số và các dấu . / _ -, ví dụ QT-05/CX-HT.")]
        public string? WorkProcedureCode { get; set; }

        public bool InIsoScope { get; set; } = true;
    }

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var posting = await postings.FindAsync(code, cancellationToken);
        if (posting is null)
        {
            return false;
        }

        Posting = posting;
        WorkProcedure = await documents.FindAsync(posting.WorkProcedureCode, cancellationToken);
        State = PostingCompleteness.State(posting);
        Shown = Postings.ShownVersion(posting);
        Latest = posting.CatalogueProcedure!.Current;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        Input = new InputModel
        {
            Room = Posting.Room, Contact = Posting.Contact, OfficeHours = Posting.OfficeHours, LocalFeeNote = Posting.LocalFeeNote,
            WorkProcedureCode = Posting.WorkProcedureCode, InIsoScope = Posting.InIsoScope,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : VietnameseText.Normalize(s).Trim();
        // The code is a link into the procedure library: it must name a document the commune has, written as the library writes it.
        var wanted = Clean(Input.WorkProcedureCode);
        var procedure = wanted is null ? null : await documents.FindAsync(wanted, cancellationToken);
        if (wanted is not null && procedure is null)
        {
            ModelState.AddModelError("Input.WorkProcedureCode",
                $"Mã quy trình nội bộ \"{wanted}\" không có trong thư viện tài liệu của xã. Hãy nhập đúng mã một tài liệu đã có (ví dụ QT-06), hoặc để trống.");
            return Page();
        }

        Posting.Room = Clean(Input.Room);
        Posting.Contact = Clean(Input.Contact);
        Posting.OfficeHours = Clean(Input.OfficeHours);
        Posting.LocalFeeNote = Clean(Input.LocalFeeNote);
        Posting.WorkProcedureCode = procedure?.Code;
        Posting.InIsoScope = Input.InIsoScope;
        return await SaveAsync("Đã lưu thông tin tại xã.", cancellationToken);
    }

    public async Task<IActionResult> OnPostPublishAsync(string code, CancellationToken cancellationToken) =>
        await ActAsync(code, () => Posting.Publish(Shown.Content), "Đã niêm yết thủ tục trên cổng.", cancellationToken);

    public async Task<IActionResult> OnPostWithdrawAsync(string code, CancellationToken cancellationToken) =>
        await ActAsync(code, () => Posting.Withdraw(), "Đã gỡ niêm yết.", cancellationToken);

    public async Task<IActionResult> OnPostAcceptAsync(string code, CancellationToken cancellationToken) =>
        await ActAsync(code, () => Posting.Accept(Latest, clock.GetUtcNow()), "Đã cập nhật niêm yết theo phiên bản mới; phiên bản cũ vẫn xem được.", cancellationToken);

    private async Task<IActionResult> ActAsync(string code, Action action, string message, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        try
        {
            action();
        }
        catch (DomainException e)
        {
            TempData["Error"] = e.Message;
            return RedirectToPage(new { slug = tenant.Required.Slug, code });
        }

        return await SaveAsync(message, cancellationToken);
    }

    private async Task<IActionResult> SaveAsync(string message, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        await postings.EvictAsync(tenant.Required.Id, cancellationToken);
        TempData["Message"] = message;
        return RedirectToPage(new { slug = tenant.Required.Slug, code = Posting.Code });
    }
}
