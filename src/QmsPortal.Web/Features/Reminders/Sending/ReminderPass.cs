using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Email;
using QmsPortal.Web.Features.Reminders.Calendar;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Reminders.Sending;

/// <summary>
/// One reminder pass over every commune: each rule finds its due work once for all communes, the step each item has
/// reached today decides who is told, and what was already told (<see cref="ReminderNotice"/>) is skipped. A person
/// gets one digest listing everything due for them across their communes; an item overdue by the commune's
/// escalation limit is mailed at once to its approvers. The number of queries is fixed (one per rule, plus communes,
/// members and earlier notices), whatever the number of communes.
/// </summary>
public sealed class ReminderPass(
    IServiceScopeFactory scopes,
    IEnumerable<IReminderRule> rules,
    WorkingCalendarStore calendars,
    PublicUrls urls,
    TimeProvider clock,
    ILogger<ReminderPass> logger)
{
    /// <summary>Step key of an escalation: an item is escalated once.</summary>
    public const string EscalationStep = "leo-thang";

    /// <summary>
    /// How far back earlier notices are read, by kind of step, so a pass reads what can matter today and not a year of
    /// weekly reminders: a step before the due date lasts at most the longest lead time (60 working days, under 100
    /// days even over Tết); an overdue week at most 5 working days (under 3 weeks with Tết); an escalation is once per
    /// item, however long ago. The unique key still refuses any notice written twice.
    /// </summary>
    private const int BeforeStepHorizonDays = 100;

    private const int OverdueStepHorizonDays = 21;

    /// <summary>Recipients written per transaction: a pass stopped half-way keeps whole batches and the next pass goes on from there.</summary>
    private const int RecipientsPerBatch = 200;

    private readonly IReadOnlyList<IReminderRule> _rules = rules.ToList();

    public async Task<ReminderPassResult> RunAsync(DateOnly today, bool dryRun, CancellationToken cancellationToken = default)
    {
        var started = clock.GetTimestamp();
        var plan = await PlanAsync(today, cancellationToken);
        var written = dryRun ? 0 : await WriteAsync(plan, today, cancellationToken);
        var result = new ReminderPassResult(today, dryRun, plan.DueItems, plan.Mails, written, clock.GetElapsedTime(started));
        logger.LogInformation("Reminder pass {Day}{DryRun}: {Summary}", today, dryRun ? " (dry run)" : "", result.Summary);
        return result;
    }

    private async Task<Plan> PlanAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetAsync(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QmsDbContext>();
        var context = new DueContext(db, DueScope.AllCommunes, today, calendar);

        var due = new List<DueStep>();
        foreach (var rule in _rules)
        {
            foreach (var item in await rule.FindAsync(context, cancellationToken))
            {
                if (rule.StepOn(item, today, calendar) is { } step)
                {
                    due.Add(new DueStep(rule, item, step));
                }
            }
        }

        if (due.Count == 0)
        {
            return new Plan(0, []);
        }

        var communes = await db.Tenants.AsNoTracking().Where(t => t.Status == TenantStatus.Active)
            .Select(t => new CommuneRow(
                new TenantInfo(t.Id, t.Slug, t.Code, t.Name, t.Kind, t.ProvinceCode, "", t.Theme, t.Status, null, null, null, null,
                    t.HostNames.OrderBy(h => h.Id).Select(h => h.HostName).FirstOrDefault()),
                t.EscalationWorkingDays))
            .ToDictionaryAsync(c => c.Commune.Id, cancellationToken);

        // Members who can act: an account with a password (an invitation not yet taken up gets the invitation, not reminders).
        var members = (await db.Memberships.AsNoTracking()
                .Where(m => m.Tenant!.Status == TenantStatus.Active && m.User!.PasswordHash != null && m.User.Email != null)
                .Select(m => new { m.TenantId, m.UserId, m.Role, m.User!.Email, m.User.FullName, m.User.ReminderDigestOff })
                .ToListAsync(cancellationToken))
            .GroupBy(m => m.TenantId)
            .ToDictionary(g => g.Key, g => g.GroupBy(m => m.UserId)
                .Select(u => new Member(u.Key, u.First().Email!, u.First().FullName, u.First().ReminderDigestOff, u.Select(m => m.Role).ToHashSet()))
                .ToList());

        var before = today.AddDays(-BeforeStepHorizonDays);
        var overdue = today.AddDays(-OverdueStepHorizonDays);
        var told = new HashSet<ulong>();
        await foreach (var n in db.Set<ReminderNotice>().AsNoTracking()
                           .Where(n => n.Step == EscalationStep
                               || (n.PassDate >= before && (!n.Step.StartsWith(ReminderSchedule.OverdueStepPrefix) || n.PassDate >= overdue)))
                           .Select(n => new { n.Rule, n.ItemKey, n.Step, n.RecipientUserId }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            told.Add(NoticeKey.Hash(n.Rule, n.ItemKey, n.Step, n.RecipientUserId));
        }

        var digests = new Dictionary<string, PersonDigest>(StringComparer.Ordinal);
        var escalations = new Dictionary<(string UserId, int TenantId), PersonDigest>();
        foreach (var entry in due)
        {
            if (!communes.TryGetValue(entry.Item.TenantId, out var commune) || !members.TryGetValue(entry.Item.TenantId, out var people))
            {
                continue;
            }

            foreach (var person in people.Where(p => entry.Item.IsFor(p.UserId, p.Roles)))
            {
                var digest = digests.TryGetValue(person.UserId, out var d) ? d : digests[person.UserId] = new PersonDigest(person, null);
                var key = NoticeKey.Hash(entry.Rule.Key, entry.Item.ItemKey, entry.Step.Key, person.UserId);
                digest.Add(new PlannedItem(entry, commune.Commune, urls.Commune(commune.Commune, entry.Item.Path), IsNew: !told.Contains(key)));
            }

            if (entry.Step.Overdue >= commune.EscalationWorkingDays)
            {
                foreach (var approver in people.Where(p => p.Roles.Contains(CommuneRole.Approver)))
                {
                    var key = NoticeKey.Hash(entry.Rule.Key, entry.Item.ItemKey, EscalationStep, approver.UserId);
                    if (told.Contains(key))
                    {
                        continue;
                    }

                    var escalation = escalations.TryGetValue((approver.UserId, commune.Commune.Id), out var e)
                        ? e
                        : escalations[(approver.UserId, commune.Commune.Id)] = new PersonDigest(approver, commune.Commune);
                    escalation.Add(new PlannedItem(entry, commune.Commune, urls.Commune(commune.Commune, entry.Item.Path), IsNew: true));
                }
            }
        }

        var mails = new List<PlannedMail>();
        foreach (var digest in digests.Values.Where(d => d.Items.Any(i => i.IsNew)).OrderBy(d => d.Person.Email, StringComparer.Ordinal))
        {
            var channel = digest.Person.DigestOff ? ReminderChannel.Suppressed : ReminderChannel.Digest;
            mails.Add(new PlannedMail(digest.Person, channel, channel == ReminderChannel.Suppressed ? null : () => ReminderMails.Digest(digest, today, urls),
                digest.Items.Where(i => i.IsNew).Select(i => i.Notice(i.Entry.Step.Key, digest.Person.UserId, channel, today)).ToList()));
        }

        foreach (var escalation in escalations.Values.OrderBy(e => e.Person.Email, StringComparer.Ordinal).ThenBy(e => e.Commune!.Id))
        {
            mails.Add(new PlannedMail(escalation.Person, ReminderChannel.Escalation, () => ReminderMails.Escalation(escalation, today),
                escalation.Items.Select(i => i.Notice(EscalationStep, escalation.Person.UserId, ReminderChannel.Escalation, today)).ToList()));
        }

        return new Plan(due.Count, mails);
    }

    /// <summary>
    /// Writes each batch's notices and the mail that carries them in one transaction, so a reminder is either decided
    /// and queued or neither. A notice another pass wrote meanwhile (same key) makes the batch step back whole: that
    /// pass has queued its mail. Mail text is written per batch, so a pass never holds every digest at once.
    /// </summary>
    private async Task<int> WriteAsync(Plan plan, DateOnly today, CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var batch in plan.Mails.Chunk(RecipientsPerBatch))
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<QmsDbContext>();
            var outbox = scope.ServiceProvider.GetRequiredService<MailOutbox>();
            var now = clock.GetUtcNow().UtcDateTime;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var queued = batch.Select(m => (Mail: m, Message: m.Compose() is { } message ? outbox.Add(message, m.TenantId) : null)).ToList();
            await db.SaveChangesAsync(cancellationToken);
            var notices = new List<ReminderNotice>(batch.Sum(m => m.Notices.Count));
            foreach (var (mail, message) in queued)
            {
                foreach (var notice in mail.Notices)
                {
                    notice.OutboxMessageId = message?.Id;
                    notice.CreatedAt = now;
                    notices.Add(notice);
                }
            }

            var inserted = await ReminderNoticeRows.InsertNewAsync(db, notices, cancellationToken);
            if (inserted == notices.Count)
            {
                await transaction.CommitAsync(cancellationToken);
                written += inserted;
                outbox.Wake();
            }
            else
            {
                await transaction.RollbackAsync(CancellationToken.None);
                logger.LogWarning("Reminder pass {Day}: {Known} of {Count} reminders of a batch were already decided by another pass; the batch is left to it",
                    today, notices.Count - inserted, notices.Count);
            }
        }

        return written;
    }

    private sealed record Plan(int DueItems, IReadOnlyList<PlannedMail> Mails);

    internal sealed record DueStep(IReminderRule Rule, DueWork Item, ReminderStep Step);

    private sealed record CommuneRow(TenantInfo Commune, int EscalationWorkingDays);

    /// <summary>
    /// A reminder's key (rule, item, step, recipient) as 64 bits (FNV-1a over the four parts), so the notices a pass
    /// reads take 8 bytes each in memory. A collision could only skip a reminder, never send one twice.
    /// </summary>
    private static class NoticeKey
    {
        public static ulong Hash(string rule, string itemKey, string step, string recipient)
        {
            var hash = 14695981039346656037UL;
            foreach (var part in (ReadOnlySpan<string>)[rule, itemKey, step, recipient])
            {
                foreach (var c in part)
                {
                    hash = (hash ^ c) * 1099511628211UL;
                }

                hash = (hash ^ 0xFFFF) * 1099511628211UL; // a separator no character in a key has
            }

            return hash;
        }
    }

    internal sealed record Member(string UserId, string Email, string FullName, bool DigestOff, IReadOnlySet<CommuneRole> Roles);

    /// <summary>What one person is told in one mail: a digest (every commune) or an escalation (one commune).</summary>
    internal sealed class PersonDigest(Member person, TenantInfo? commune)
    {
        private readonly List<PlannedItem> _items = [];

        public Member Person { get; } = person;

        public TenantInfo? Commune { get; } = commune;

        /// <summary>Overdue first (most overdue first), then by due date.</summary>
        public IEnumerable<PlannedItem> Items => _items.OrderByDescending(i => i.Entry.Step.Overdue).ThenBy(i => i.Entry.Item.DueDate)
            .ThenBy(i => i.Commune.Name, StringComparer.Ordinal).ThenBy(i => i.Entry.Item.Title, StringComparer.Ordinal);

        public void Add(PlannedItem item) => _items.Add(item);
    }

    internal sealed record PlannedItem(DueStep Entry, TenantInfo Commune, string Link, bool IsNew)
    {
        public string Label => Entry.Rule.Label;

        public ReminderNotice Notice(string step, string recipient, ReminderChannel channel, DateOnly today) => new()
        {
            Rule = Entry.Rule.Key, ItemKey = Entry.Item.ItemKey, Step = step, RecipientUserId = recipient, TenantId = Entry.Item.TenantId,
            Channel = channel, Title = Trim(Entry.Item.Title, ReminderNotice.TitleMaxLength), DueDate = Entry.Item.DueDate, PassDate = today,
        };

        private static string Trim(string value, int max) => value.Length <= max ? value : value[..max];
    }
}

/// <summary>
/// One mail a pass decided (or, with <see cref="ReminderChannel.Suppressed"/>, decided not to send). Its text is written
/// when asked (<see cref="Compose"/>): a pass over every commune would otherwise hold thousands of digests at once.
/// </summary>
public sealed class PlannedMail
{
    private readonly Func<EmailMessage>? _compose;

    internal PlannedMail(ReminderPass.Member person, ReminderChannel channel, Func<EmailMessage>? compose, IReadOnlyList<ReminderNotice> notices)
    {
        ToAddress = person.Email;
        ToName = person.FullName;
        Channel = channel;
        _compose = compose;
        Notices = notices;
        // The commune the mail is about, when it is about one (the outbox shows it to that commune's administrator).
        TenantId = notices.Select(n => n.TenantId).Distinct().Count() == 1 ? notices[0].TenantId : null;
    }

    public string ToAddress { get; }
    public string ToName { get; }
    public ReminderChannel Channel { get; }
    public int? TenantId { get; }
    public IReadOnlyList<ReminderNotice> Notices { get; }

    /// <summary>The message, or null when nothing is to be sent (the digest is turned off).</summary>
    public EmailMessage? Compose() => _compose?.Invoke();
}

public sealed record ReminderPassResult(DateOnly Day, bool DryRun, int DueItems, IReadOnlyList<PlannedMail> Mails, int NoticesWritten, TimeSpan Took)
{
    public int Digests => Mails.Count(m => m.Channel == ReminderChannel.Digest);

    public int Escalations => Mails.Count(m => m.Channel == ReminderChannel.Escalation);

    public int Suppressed => Mails.Count(m => m.Channel == ReminderChannel.Suppressed);

    /// <summary>One Vietnamese line for the operator (console, /admin).</summary>
    public string Summary =>
        $"{DueItems} việc đến hạn; {Digests} thư tổng hợp, {Escalations} thư báo quá hạn, {Suppressed} người đã tắt thư tổng hợp"
        + (DryRun ? " (chạy thử, không gửi)" : $"; {NoticesWritten} nhắc việc mới") + $"; {Took.TotalSeconds:0.0} s";
}
