using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QmsPortal.Web.Data;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Reminders.Sending;

/// <summary>Section <c>Reminders</c>.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>Off in tests, which run passes themselves on their fake clock.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The hour (Asia/Ho_Chi_Minh) from which the day's pass runs: mail waits in the inbox at the start of the working day.</summary>
    [Range(0, 23)]
    public int SendHour { get; set; } = 7;

    /// <summary>How often the scheduler looks whether the day's pass is due.</summary>
    [Range(1, 1440)]
    public int CheckMinutes { get; set; } = 5;
}

/// <summary>
/// The lease row that lets one process at a time run the reminder pass when several share one database. Taken with
/// one conditional UPDATE (free, lapsed, or already ours), so two processes never both hold it.
/// </summary>
public sealed class ReminderLease(IServiceScopeFactory scopes, TimeProvider clock)
{
    public const string Name = "reminders";

    /// <summary>Far longer than a pass (seconds): a holder that dies frees the job within this time.</summary>
    public static readonly TimeSpan HoldFor = TimeSpan.FromMinutes(30);

    /// <summary>This process (and instance, so two in one process, as in tests, are told apart), as shown on the lease row.</summary>
    public string Holder { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    public async Task<SchedulerLease> ReadAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QmsDbContext>();
        return await db.Set<SchedulerLease>().AsNoTracking().FirstOrDefaultAsync(l => l.Name == Name, cancellationToken)
            ?? new SchedulerLease { Name = Name, ExpiresAt = DateTime.MinValue };
    }

    public async Task<bool> TryAcquireAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QmsDbContext>();
        if (!await db.Set<SchedulerLease>().AnyAsync(l => l.Name == Name, cancellationToken))
        {
            db.Add(new SchedulerLease { Name = Name, ExpiresAt = DateTime.MinValue });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another process created the row at the same moment: the UPDATE below decides who holds it.
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + HoldFor;
        var holder = Holder;
        return await db.Set<SchedulerLease>()
            .Where(l => l.Name == Name && (l.ExpiresAt < now || l.Holder == holder))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until), cancellationToken) == 1;
    }

    /// <summary>Frees the lease; with a result of today's pass, records it so the day's pass runs once.</summary>
    public async Task ReleaseAsync(ReminderPassResult? completed, bool today)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QmsDbContext>();
        var holder = Holder;
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = db.Set<SchedulerLease>().Where(l => l.Name == Name && l.Holder == holder);
        if (completed is null)
        {
            await rows.ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, (string?)null).SetProperty(l => l.ExpiresAt, DateTime.MinValue));
            return;
        }

        var summary = completed.Summary;
        summary = summary.Length <= 500 ? summary : summary[..500];
        if (today)
        {
            var day = completed.Day;
            await rows.ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, (string?)null).SetProperty(l => l.ExpiresAt, DateTime.MinValue)
                .SetProperty(l => l.LastCompletedAt, now).SetProperty(l => l.LastSummary, summary).SetProperty(l => l.LastCompletedOn, day));
        }
        else
        {
            // A pass for another day (the command line's --date) is recorded, but does not count as today's.
            await rows.ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, (string?)null).SetProperty(l => l.ExpiresAt, DateTime.MinValue)
                .SetProperty(l => l.LastCompletedAt, now).SetProperty(l => l.LastSummary, summary));
        }
    }
}

/// <summary>
/// Runs the day's reminder pass over every commune once the send hour has come, whatever the traffic: a timer in
/// the web process, and the lease so that of several processes on one database only one runs it.
/// </summary>
public sealed class ReminderScheduler(
    ReminderPass pass,
    ReminderLease lease,
    TimeProvider clock,
    IOptions<ReminderOptions> options,
    ILogger<ReminderScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var interval = TimeSpan.FromMinutes(options.Value.CheckMinutes);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunIfDueAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be away for a moment: the next check tries again; the lease lapses by itself.
                logger.LogError(e, "Reminder pass failed; trying again in {Minutes} min", interval.TotalMinutes);
            }

            try
            {
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Runs today's pass when the send hour has passed, it has not completed today and this process gets the lease.</summary>
    public async Task<ReminderPassResult?> RunIfDueAsync(CancellationToken cancellationToken = default)
    {
        var local = VietnameseFormat.Local(clock.GetUtcNow());
        var today = DateOnly.FromDateTime(local.DateTime);
        if (local.Hour < options.Value.SendHour || (await lease.ReadAsync(cancellationToken)).LastCompletedOn >= today
            || !await lease.TryAcquireAsync(cancellationToken))
        {
            return null;
        }

        ReminderPassResult? result = null;
        try
        {
            result = await pass.RunAsync(today, dryRun: false, cancellationToken);
            return result;
        }
        finally
        {
            await lease.ReleaseAsync(result, today: true);
        }
    }
}
