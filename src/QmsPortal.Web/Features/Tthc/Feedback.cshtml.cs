using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Tthc;

/// <summary>"Báo sai sót": a citizen reports a wrong posting; stored for the commune with a reference number.</summary>
public sealed class FeedbackModel(PublicTthc tthc, QmsDbContext db, CommuneCounters counters, TimeProvider clock) : PageModel
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
        // The number comes from one atomic UPDATE on the commune's counter row, outside any longer transaction, so
        // parallel reports hold its lock for one statement only; a report that then fails to save leaves a gap in the
        // numbers, never two reports with one number.
        var number = await counters.NextAsync(prefix[..^1], async token =>
        {
            var last = await db.Set<TthcFeedback>().Where(f => f.Reference.StartsWith(prefix))
                .OrderByDescending(f => f.Reference).Select(f => f.Reference).FirstOrDefaultAsync(token);
            return last is null ? 0 : long.Parse(last[prefix.Length..], CultureInfo.InvariantCulture);
        }, cancellationToken);
        feedback.Reference = prefix + number.ToString("000000", CultureInfo.InvariantCulture);
        db.Add(feedback);
        await db.SaveChangesAsync(cancellationToken);

        Reference = feedback.Reference;
        ModelState.Clear();
        Input = new();
        return Page();
    }
}
