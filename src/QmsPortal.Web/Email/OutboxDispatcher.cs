using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QmsPortal.Web.Data;

namespace QmsPortal.Web.Email;

/// <summary>
/// Sends queued mail in the background: when woken by this process and every <see cref="EmailOptions.OutboxPollSeconds"/>
/// for mail queued elsewhere (a command-line verb, another web process). Each message is claimed with one conditional
/// UPDATE before it is sent, so with several processes a message still goes out once — except the one a process was
/// sending when it died, which goes again after its claim expires, with the same Message-Id. A refusal of the message
/// is retried with a growing delay and recorded; a server that cannot be used at all (<see cref="MailServerException"/>)
/// makes the whole pass wait without spending attempts. Nothing here ever reaches a web page's answer.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IEmailSender sender,
    OutboxSignal signal,
    MailHealth health,
    TimeProvider clock,
    IOptions<EmailOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int Batch = 20;

    private enum Outcome
    {
        Sent,
        NotSent,

        /// <summary>The server cannot be used at all: the message waits, and so does the rest of the pass.</summary>
        ServerUnavailable,
    }

    /// <summary>
    /// Long enough for one SMTP conversation; a process that dies while sending frees the message after it, and the
    /// message then goes again (with the same Message-Id, so the receiver can tell).
    /// </summary>
    private TimeSpan ClaimFor => TimeSpan.FromSeconds(options.Value.TimeoutSeconds * 10);

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
        // Once the server has failed in this pass, the rest is composed (a mail with nothing to send is still dropped)
        // and set to wait with the same reason, without another connection attempt for each message.
        MailServerException? unavailable = null;
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
                var (outcome, problem) = await TrySendAsync(id, unavailable, cancellationToken);
                if (outcome == Outcome.Sent)
                {
                    sent++;
                }

                unavailable ??= problem;
            }

            if (due.Count < Batch)
            {
                return sent;
            }
        }
    }

    private async Task<(Outcome, MailServerException?)> TrySendAsync(long id, MailServerException? unavailable, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QmsDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.Set<OutboxMessage>()
            .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, now + ClaimFor).SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
        if (claimed == 0)
        {
            return (Outcome.NotSent, null);
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
                return (Outcome.NotSent, null);
            }

            if (unavailable is not null)
            {
                return await DeferAsync(db, message, unavailable);
            }

            // SMTP cannot make "accepted by the server" and "marked sent here" one step: a crash between them sends
            // the message again later. The same Message-Id lets the receiver recognise it.
            await sender.SendAsync(email with { MessageId = MessageIdOf(message) }, cancellationToken);
            message.MarkSent(email.Subject, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(CancellationToken.None);
            return (Outcome.Sent, null);
        }
        catch (MailServerException e)
        {
            return await DeferAsync(db, message, e);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The server's reply, code first, is what an administrator needs to see on the dead letter.
            var error = e is MailKit.Net.Smtp.SmtpCommandException reply ? $"{(int)reply.StatusCode} {reply.Message.Trim()}" : e.Message;
            message.Fail(error, clock.GetUtcNow().UtcDateTime, options.Value.Attempts);
            await db.SaveChangesAsync(CancellationToken.None);
            logger.LogWarning("Mail {Id} ({Kind}) to {To}: attempt {Attempt} failed: {Error}{Outcome}", id, message.Kind, message.ToAddress,
                message.Attempts, error, message.Status == OutboxStatus.Failed ? " — giving up; an administrator can send it again" : "");
            return (Outcome.NotSent, null);
        }
    }

    /// <summary>MailHealth logged the problem once; the message keeps its attempts for refusals of its own.</summary>
    private async Task<(Outcome, MailServerException?)> DeferAsync(QmsDbContext db, OutboxMessage message, MailServerException problem)
    {
        var until = clock.GetUtcNow().UtcDateTime + health.RetryDelay;
        message.Defer(problem.Message, until);
        await db.SaveChangesAsync(CancellationToken.None);
        logger.LogDebug("Mail {Id} ({Kind}) waits until {Until:u}: {Error}", message.Id, message.Kind, until, problem.Message);
        return (Outcome.ServerUnavailable, problem);
    }

    /// <summary>
    /// The Message-Id of an outbox row: the same on every attempt, so a duplicate after a crash is recognisable. The
    /// queuing time (to the second) is in it too: a database started afresh numbers its rows from 1 again, and some
    /// mailboxes silently drop a message whose Message-Id they have seen.
    /// </summary>
    public string MessageIdOf(OutboxMessage message) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"outbox-{message.Id}-{message.CreatedAt:yyyyMMddHHmmss}@{options.Value.FromDomain}");

    private static IMailComposer ComposerFor(IServiceProvider services, string kind) =>
        services.GetServices<IMailComposer>().FirstOrDefault(c => c.Kind == kind)
        ?? throw new InvalidOperationException($"No mail composer is registered for \"{kind}\".");
}
