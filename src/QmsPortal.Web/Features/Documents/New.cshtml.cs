using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Documents;

/// <summary>The secretary creates a controlled document; it starts as revision 1 in draft.</summary>
[Authorize(Policy = CommunePolicies.Author)]
public sealed class NewModel(QmsDbContext db, TenantContext tenant, DocumentLibrary library, TimeProvider clock) : PageModel
{
    [BindProperty]
    public NewInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "loai")]
    public DocumentKind? KindQuery { get; set; }

    public string Slug => tenant.Required.Slug;

    public async Task OnGetAsync()
    {
        Input.Kind = KindQuery ?? DocumentKind.TthcProcedure;
        Input.Code = await library.SuggestCodeAsync(Input.Kind);
        Input.Body = Template;
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var code = ControlledDocument.CheckCode(Input.Code);
            if (await db.Set<ControlledDocument>().AnyAsync(d => d.Code == code))
            {
                throw new DomainException($"Mã {code} đã được dùng cho một tài liệu khác của xã.", "Code");
            }

            var document = ControlledDocument.Create(code, Input.Title, Input.Kind, Input.Owner, Input.ReviewIntervalMonths, Input.TthcCodes,
                Input.LegalBases, Input.IsPublic, Input.Body, await library.ActorAsync(), clock.GetUtcNow(), Input.ChangeSummary);
            db.Add(document);
            await db.SaveChangesAsync();
            TempData["Message"] = $"Đã tạo dự thảo {document.Code}.";
            return Redirect($"/{Slug}/tai-lieu/{document.Id}");
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("Input." + (e.Field ?? "Code"), e.Message);
            return Page();
        }
        catch (DbUpdateException)
        {
            // Two secretaries creating the same code at once: the unique index decides, the loser gets the message.
            ModelState.AddModelError("Input.Code", $"Mã {Input.Code} đã được dùng cho một tài liệu khác của xã.");
            return Page();
        }
    }

    public sealed class NewInput : DocumentInput
    {
        [Required(ErrorMessage = "Vui lòng nhập mã tài liệu.")]
        [MaxLength(ControlledDocument.CodeMaxLength, ErrorMessage = "Mã tài liệu dài tối đa 40 ký tự.")]
        [Display(Name = "Mã tài liệu")]
        public string Code { get; set; } = "";

        [Display(Name = "Loại tài liệu")]
        public DocumentKind Kind { get; set; }
    }

    private const string Template = """
        ## 1. Mục đích

        ## 2. Phạm vi

        ## 3. Tài liệu viện dẫn

        ## 4. Định nghĩa, từ viết tắt

        ## 5. Nội dung quy trình

        | Bước | Trách nhiệm | Nội dung công việc | Thời gian |
        |---|---|---|---|
        | B1 | | | |

        ## 6. Biểu mẫu

        ## 7. Hồ sơ cần lưu

        | Tên hồ sơ | Người lưu | Nơi lưu | Thời gian lưu |
        |---|---|---|---|
        """;
}
