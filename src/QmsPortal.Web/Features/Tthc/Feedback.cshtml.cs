using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Tthc;

/// <summary>"Báo sai sót": a citizen reports a wrong posting; stored for the commune with a reference number.</summary>
public sealed class FeedbackModel(PublicTthc tthc, QmsDbContext db, TimeProvider clock) : PageModel
{
    public ProcedureView View { get; private set; } = null!;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Shown after a report is stored.</summary>
    public string? Reference { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Hãy mô tả sai sót bạn gặp.")]
        [StringLength(TthcFeedback.MessageMax, MinimumLength = 10, ErrorMessage = "Nội dung từ 10 đến 2.000 ký tự.")]
        public string Message { get; set; } = "";

        [StringLength(TthcFeedback.ContactMax, ErrorMessage = "Thông tin liên hệ tối đa 200 ký tự.")]
        public string? Contact { get; set; }

        /// <summary>Honeypot: hidden from people, filled by bots.</summary>
        public string? Website { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var view = await tthc.FindAsync(code, null, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        var view = await tthc.FindAsync(code, null, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        if (!string.IsNullOrEmpty(Input.Website))
        {
            // Pretend success so bots learn nothing; store nothing.
            Reference = "PA-0000-000000";
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var year = VietnameseFormat.Local(clock.GetUtcNow()).Year;
        var prefix = $"PA-{year}-";
        var feedback = new TthcFeedback
        {
            Code = view.Posting.Code,
            Message = VietnameseText.Normalize(Input.Message).Trim(),
            Contact = string.IsNullOrWhiteSpace(Input.Contact) ? null : VietnameseText.Normalize(Input.Contact).Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Add(feedback);
        // Two citizens reporting at the same moment may pick the same next number; the unique index refuses the
        // second, which then takes the following number instead of losing the report.
        for (var attempt = 1; ; attempt++)
        {
            var last = await db.Set<TthcFeedback>().Where(f => f.Reference.StartsWith(prefix))
                .OrderByDescending(f => f.Reference).Select(f => f.Reference).FirstOrDefaultAsync(cancellationToken);
            var next = last is null ? 1 : int.Parse(last[prefix.Length..], CultureInfo.InvariantCulture) + 1;
            feedback.Reference = prefix + next.ToString("000000", CultureInfo.InvariantCulture);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                break;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
            }
        }

        Reference = feedback.Reference;
        ModelState.Clear();
        Input = new();
        return Page();
    }
}
