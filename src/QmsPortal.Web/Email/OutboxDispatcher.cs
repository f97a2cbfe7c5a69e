using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QmsPortal.Web.Data;

namespace QmsPortal.Web.Email;

/// <summary>
/// Sends queued mail in the background: when woken by this process and every <see cref="EmailOptions.OutboxPollSeconds"/>
/// for mail queued elsewhere (a command-line verb, another web process). Each message is claimed with one conditional
/// UPDATE before it is sent, so with several processes a message still goes out once. A failure is retried later with
/// a growing delay and recorded; nothing here ever reaches a web page's answer.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IEmailSender sender,
    OutboxSignal signal,
    TimeProvider clock,
    IOptions<EmailOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int Batch = 20;

    /// <summary>Long enough for one SMTP conversation; a process that dies while sending frees the message after it.</summary>
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.OutboxPollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchDueAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be away for a moment (restart, failover): the next pass tries again.
                logger.LogError(e, "Mail outbox pass failed; trying again in {Seconds} s", interval.TotalSeconds);
            }

            try
            {
                await signal.WaitAsync(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Sends every message that is due now; returns how many were sent.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken = default)
    {
        var sent = 0;
        while (true)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            List<long> due;
            await using (var scope = scopes.CreateAsyncScope())
            {
                due = await scope.ServiceProvider.GetRequiredService<QmsDbContext>().Set<OutboxMessage>().AsNoTracking()
                    .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
                    .OrderBy(m => m.Id).Select(m => m.Id).Take(Batch).ToListAsync(cancellationToken);
            }

            foreach (var id in due)
            {
                if (await TrySendAsync(id, cancellationToken))
                {
                    sent++;
                }
            }

            if (due.Count < Batch)
            {
                return sent;
            }
        }
    }

    private async Task<bool> TrySendAsync(long id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QmsDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.Set<OutboxMessage>()
            .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, now + ClaimFor).SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        var message = await db.Set<OutboxMessage>().FirstAsync(m => m.Id == id, cancellationToken);
        try
        {
            var (email, dropReason) = message.Kind == OutboxMessage.Ready
                ? (new EmailMessage(message.ToAddress, message.ToName, message.Subject ?? "", message.Body ?? "", message.HtmlBody), null)
                : await ComposerFor(scope.ServiceProvider, message.Kind).ComposeAsync(message, cancellationToken);
            if (email is null)
            {
                message.Drop(dropReason ?? "Không còn gì để gửi.", clock.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(CancellationToken.None);
                logger.LogInformation("Mail {Id} ({Kind}) not sent: {Reason}", id, message.Kind, dropReason);
                return false;
            }

            await sender.SendAsync(email, cancellationToken);
            message.MarkSent(email.Subject, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(CancellationToken.None);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            message.Fail(e.Message, clock.GetUtcNow().UtcDateTime, options.Value.Attempts);
            await db.SaveChangesAsync(CancellationToken.None);
            logger.LogWarning("Mail {Id} ({Kind}) to {To}: attempt {Attempt} failed: {Error}{Outcome}", id, message.Kind, message.ToAddress,
                message.Attempts, e.Message, message.Status == OutboxStatus.Failed ? " — giving up; an administrator can send it again" : "");
            return false;
        }
    }

    private static IMailComposer ComposerFor(IServiceProvider services, string kind) =>
        services.GetServices<IMailComposer>().FirstOrDefault(c => c.Kind == kind)
        ?? throw new InvalidOperationException($"No mail composer is registered for \"{kind}\".");
}
