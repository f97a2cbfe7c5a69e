using QmsPortal.Web.Data;

namespace QmsPortal.Web.Email;

/// <summary>
/// Writes a kind of mail whose text is made at send time, from <see cref="OutboxMessage.Reference"/>: account mails
/// whose links carry one-time tokens, generated fresh and never stored. Features register one per kind.
/// </summary>
public interface IMailComposer
{
    string Kind { get; }

    /// <summary>What the outbox pages call this kind of mail.</summary>
    string Label => Kind;

    /// <summary>The message to send now, or null with a reason when there is nothing to send any more.</summary>
    Task<(EmailMessage? Message, string? DropReason)> ComposeAsync(OutboxMessage queued, CancellationToken cancellationToken);
}

/// <summary>
/// Where pages put mail. Rows are added to the page's own DbContext, so they are saved (or not) with the page's
/// data in one transaction; the dispatcher is woken once the page has saved.
/// </summary>
public sealed class MailOutbox
{
    private readonly QmsDbContext _db;
    private readonly TimeProvider _clock;
    private readonly OutboxSignal _signal;

    public MailOutbox(QmsDbContext db, TimeProvider clock, OutboxSignal signal)
    {
        _db = db;
        _clock = clock;
        _signal = signal;
        // Inside an explicit transaction this fires before the commit; the caller then calls Wake after committing.
        db.SavedChanges += (_, _) => signal.Wake();
    }

    public OutboxMessage Add(EmailMessage message, int? tenantId = null) =>
        _db.Add(OutboxMessage.ForReady(message, tenantId, _clock.GetUtcNow().UtcDateTime)).Entity;

    public OutboxMessage AddComposed(string kind, string toAddress, string toName, string? reference, int? tenantId = null) =>
        _db.Add(OutboxMessage.ForComposer(kind, toAddress, toName, reference, tenantId, _clock.GetUtcNow().UtcDateTime)).Entity;

    /// <summary>After committing a transaction that added mail.</summary>
    public void Wake() => _signal.Wake();
}

/// <summary>"Gửi lại" on the outbox pages (platform and commune): one more try of a failed message.</summary>
public static class OutboxResend
{
    /// <summary>Queues the message again; returns the confirmation, or the reason it cannot be resent, for the page to show.</summary>
    public static async Task<(bool Queued, string Text)> RequeueAsync(QmsDbContext db, OutboxMessage message, DateTime now)
    {
        try
        {
            message.Retry(now);
            await db.SaveChangesAsync();
            return (true, $"Đã xếp thư gửi tới {message.ToAddress} để gửi lại.");
        }
        catch (DomainException e)
        {
            return (false, e.Message);
        }
    }
}

/// <summary>The words the outbox pages (platform and commune) use for a message's state and kind.</summary>
public static class OutboxLabels
{
    public static string Status(OutboxStatus status) => status switch
    {
        OutboxStatus.Pending => "Đang chờ gửi",
        OutboxStatus.Sent => "Đã gửi",
        OutboxStatus.Failed => "Gửi không thành công",
        OutboxStatus.Dropped => "Không gửi",
        _ => status.ToString(),
    };

    public static string Kind(string kind, IEnumerable<IMailComposer> composers) =>
        kind == OutboxMessage.Ready ? "Thư thông báo" : composers.FirstOrDefault(c => c.Kind == kind)?.Label ?? kind;
}

/// <summary>Wakes the dispatcher when this process queued mail; other processes' mail is found by its regular poll.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Wake()
    {
        if (_semaphore.CurrentCount == 0)
        {
            try
            {
                _semaphore.Release();
            }
            catch (SemaphoreFullException)
            {
                // Woken twice at once: one wake-up is enough.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _semaphore.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _semaphore.Dispose();
}
