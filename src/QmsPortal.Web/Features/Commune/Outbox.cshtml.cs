using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Email;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Commune;

/// <summary>
/// "Thư chưa gửi được" of one commune, for its administrator: the mail about this commune (invitations, reminders)
/// that the server refused after every attempt, with the server's reply and "Gửi lại", and what still waits. Outbox
/// rows are platform data with the commune's id on them, not <see cref="ITenantOwned"/>: every query here filters on
/// <see cref="OutboxMessage.TenantId"/> itself. Bodies are never shown.
/// </summary>
[Authorize(Policy = CommunePolicies.Manage)]
public sealed class OutboxModel(QmsDbContext db, TenantContext tenant, TimeProvider clock, IEnumerable<IMailComposer> composers) : PageModel
{
    public const int Shown = 200;

    public IReadOnlyList<Row> Failed { get; private set; } = [];
    public IReadOnlyList<Row> Pending { get; private set; } = [];

    public string KindLabel(string kind) => OutboxLabels.Kind(kind, composers);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var tenantId = tenant.Required.Id;
        var rows = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.TenantId == tenantId && (m.Status == OutboxStatus.Failed || m.Status == OutboxStatus.Pending))
            .OrderByDescending(m => m.Id).Take(Shown)
            .Select(m => new Row(m.Id, m.Kind, m.ToAddress, m.ToName, m.Subject, m.Status, m.Attempts, m.CreatedAt, m.NextAttemptAt, m.LastError))
            .ToListAsync(cancellationToken);
        Failed = [.. rows.Where(r => r.Status == OutboxStatus.Failed)];
        Pending = [.. rows.Where(r => r.Status == OutboxStatus.Pending)];
    }

    public async Task<IActionResult> OnPostRetryAsync(long id)
    {
        var tenantId = tenant.Required.Id;
        var message = await db.Set<OutboxMessage>().FirstOrDefaultAsync(m => m.Id == id && m.TenantId == tenantId);
        if (message is null)
        {
            return NotFound();
        }

        var (queued, text) = await OutboxResend.RequeueAsync(db, message, clock.GetUtcNow().UtcDateTime);
        TempData[queued ? "Message" : "Error"] = text;

        return RedirectToPage(new { slug = tenant.Required.Slug });
    }

    public sealed record Row(long Id, string Kind, string ToAddress, string ToName, string? Subject, OutboxStatus Status, int Attempts,
        DateTime CreatedAt, DateTime NextAttemptAt, string? LastError);
}
