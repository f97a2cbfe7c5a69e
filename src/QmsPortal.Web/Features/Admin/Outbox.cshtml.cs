using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Email;

namespace QmsPortal.Web.Features.Admin;

/// <summary>
/// "Thư đi": what the outbox sent, holds or gave up on, newest first, with the last error; a failed message can be sent
/// again. Bodies are never shown (they may be personal); account mails are not even stored with their links.
/// </summary>
public sealed class OutboxModel(QmsDbContext db, TimeProvider clock) : PageModel
{
    public const int Shown = 200;

    [BindProperty(SupportsGet = true, Name = "trang-thai")]
    public OutboxStatus? Status { get; set; }

    public IReadOnlyList<Row> Messages { get; private set; } = [];
    public IReadOnlyDictionary<OutboxStatus, int> Counts { get; private set; } = new Dictionary<OutboxStatus, int>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Counts = await db.Set<OutboxMessage>().GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var query = db.Set<OutboxMessage>().AsNoTracking();
        if (Status is { } status)
        {
            query = query.Where(m => m.Status == status);
        }

        Messages = await query.OrderByDescending(m => m.Id).Take(Shown)
            .Select(m => new Row(m.Id, m.Kind, m.ToAddress, m.Subject, m.Status, m.Attempts, m.CreatedAt, m.SentAt, m.LastError))
            .ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRetryAsync(long id)
    {
        var message = await db.Set<OutboxMessage>().FirstOrDefaultAsync(m => m.Id == id);
        if (message is null)
        {
            return NotFound();
        }

        try
        {
            message.Retry(clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
            TempData["Message"] = $"Đã xếp thư gửi tới {message.ToAddress} để gửi lại.";
        }
        catch (DomainException e)
        {
            TempData["Error"] = e.Message;
        }

        return RedirectToPage(new { trang_thai = Status });
    }

    public static string StatusLabel(OutboxStatus status) => status switch
    {
        OutboxStatus.Pending => "Đang chờ gửi",
        OutboxStatus.Sent => "Đã gửi",
        OutboxStatus.Failed => "Gửi không thành công",
        OutboxStatus.Dropped => "Không gửi",
        _ => status.ToString(),
    };

    public static string KindLabel(string kind) => kind switch
    {
        OutboxMessage.Ready => "Thư thông báo",
        Account.InvitationMail.KindName => "Thư mời thành viên",
        Account.PasswordResetMail.KindName => "Đặt lại mật khẩu",
        _ => kind,
    };

    public sealed record Row(long Id, string Kind, string ToAddress, string? Subject, OutboxStatus Status, int Attempts, DateTime CreatedAt, DateTime? SentAt, string? LastError);
}
