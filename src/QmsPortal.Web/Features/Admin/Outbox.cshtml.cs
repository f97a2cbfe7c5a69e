using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QmsPortal.Web.Data;
using QmsPortal.Web.Email;
using QmsPortal.Web.Tenancy;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Admin;

/// <summary>
/// "Thư đi": what the outbox sent, holds or gave up on, newest first, with the last error; a failed message can be sent
/// again. Bodies are never shown (they may be personal); account mails are not even stored with their links. Above
/// the list: where mail goes, the mail server's state (a red line while it cannot be used) and "Gửi thư thử", which
/// queues a message like any other, so the page answers at once and the result shows in the list.
/// </summary>
public sealed class OutboxModel(QmsDbContext db, TimeProvider clock, MailOutbox outbox, UserManager<PortalUser> users,
    IEnumerable<IMailComposer> composers, IOptions<EmailOptions> options, IHostEnvironment environment) : PageModel
{
    public const int Shown = 200;

    [BindProperty(SupportsGet = true, Name = "trang-thai")]
    public OutboxStatus? Status { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Nhập địa chỉ thư điện tử nhận thư thử.")]
    [EmailAddress(ErrorMessage = "Địa chỉ thư điện tử không hợp lệ.")]
    [StringLength(OutboxMessage.AddressMaxLength)]
    [Display(Name = "Gửi thư thử tới")]
    public string TestAddress { get; set; } = "";

    public IReadOnlyList<Row> Messages { get; private set; } = [];
    public IReadOnlyDictionary<OutboxStatus, int> Counts { get; private set; } = new Dictionary<OutboxStatus, int>();

    public string Destination => options.Value.Destination(environment.ContentRootPath);

    public string KindLabel(string kind) => OutboxLabels.Kind(kind, composers);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        TestAddress = (await users.GetUserAsync(User))?.Email ?? "";
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostTestAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var me = await users.GetUserAsync(User);
        var address = TestAddress.Trim();
        var now = VietnameseFormat.DateTime(clock.GetUtcNow());
        var name = string.Equals(address, me?.Email, StringComparison.OrdinalIgnoreCase) ? me?.FullName ?? "" : "";
        var text = $"Thư này do {me?.FullName} gửi thử lúc {now} từ trang Thư đi của {options.Value.FromName}, để kiểm tra việc gửi thư ({Destination}).\n\n"
            + "Nhận được thư này là việc gửi thư hoạt động. Không cần trả lời.";
        var html = $"<p>Thư này do <strong>{System.Net.WebUtility.HtmlEncode(me?.FullName)}</strong> gửi thử lúc {now} từ trang Thư đi của "
            + $"{System.Net.WebUtility.HtmlEncode(options.Value.FromName)}, để kiểm tra việc gửi thư ({System.Net.WebUtility.HtmlEncode(Destination)}).</p>"
            + "<p>Nhận được thư này là việc gửi thư hoạt động. Không cần trả lời.</p>";
        outbox.Add(new EmailMessage(address, name, $"Thư thử: {options.Value.FromName}", text, html));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = $"Đã xếp thư thử gửi tới {address} vào hàng đợi: thư được gửi nền sau vài giây, kết quả hiện trong danh sách dưới đây.";
        return RedirectToPage(new { trang_thai = Status });
    }

    public async Task<IActionResult> OnPostRetryAsync(long id)
    {
        var message = await db.Set<OutboxMessage>().FirstOrDefaultAsync(m => m.Id == id);
        if (message is null)
        {
            return NotFound();
        }

        var (queued, text) = await OutboxResend.RequeueAsync(db, message, clock.GetUtcNow().UtcDateTime);
        TempData[queued ? "Message" : "Error"] = text;

        return RedirectToPage(new { trang_thai = Status });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
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

    public static string StatusLabel(OutboxStatus status) => OutboxLabels.Status(status);

    public sealed record Row(long Id, string Kind, string ToAddress, string? Subject, OutboxStatus Status, int Attempts, DateTime CreatedAt, DateTime? SentAt, string? LastError);
}
