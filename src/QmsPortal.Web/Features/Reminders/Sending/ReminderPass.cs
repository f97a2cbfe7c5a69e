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
    /// How far back earlier notices are read. No step lasts longer than the longest lead time (60 working days, under
    /// three months even over Tết), so a notice older than this cannot be for a step reached today.
    /// </summary>
    private const int NoticeHorizonDays = 400;

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

        var since = today.AddDays(-NoticeHorizonDays);
        var told = (await db.Set<ReminderNotice>().AsNoTracking().Where(n => n.PassDate >= since)
                .Select(n => new { n.Rule, n.ItemKey, n.Step, n.RecipientUserId }).ToListAsync(cancellationToken))
            .Select(n => new NoticeKey(n.Rule, n.ItemKey, n.Step, n.RecipientUserId))
            .ToHashSet();

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
                var key = new NoticeKey(entry.Rule.Key, entry.Item.ItemKey, entry.Step.Key, person.UserId);
                digest.Add(new PlannedItem(entry, commune.Commune, urls.Commune(commune.Commune, entry.Item.Path), IsNew: !told.Contains(key)));
            }

            if (entry.Step.Overdue >= commune.EscalationWorkingDays)
            {
                foreach (var approver in people.Where(p => p.Roles.Contains(CommuneRole.Approver)))
                {
                    var key = new NoticeKey(entry.Rule.Key, entry.Item.ItemKey, EscalationStep, approver.UserId);
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
            mails.Add(new PlannedMail(digest.Person, channel, channel == ReminderChannel.Suppressed ? null : ReminderMails.Digest(digest, today, urls),
                digest.Items.Where(i => i.IsNew).Select(i => i.Notice(i.Entry.Step.Key, digest.Person.UserId, channel, today)).ToList()));
        }

        foreach (var escalation in escalations.Values.OrderBy(e => e.Person.Email, StringComparer.Ordinal).ThenBy(e => e.Commune!.Id))
        {
            mails.Add(new PlannedMail(escalation.Person, ReminderChannel.Escalation, ReminderMails.Escalation(escalation, today),
                escalation.Items.Select(i => i.Notice(EscalationStep, escalation.Person.UserId, ReminderChannel.Escalation, today)).ToList()));
        }

        return new Plan(due.Count, mails);
    }

    /// <summary>
    /// Writes each batch's notices and the mail that carries them in one transaction, so a reminder is either decided
    /// and queued or neither. The unique key refuses a notice another process wrote meanwhile: that batch is left to it.
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
            var queued = batch.Select(m => (Mail: m, Message: m.Message is { } message ? outbox.Add(message, m.TenantId) : null)).ToList();
            await db.SaveChangesAsync(cancellationToken);
            foreach (var (mail, message) in queued)
            {
                foreach (var notice in mail.Notices)
                {
                    notice.OutboxMessageId = message?.Id;
                    notice.CreatedAt = now;
                    db.Add(notice);
                }
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                written += batch.Sum(m => m.Notices.Count);
            }
            catch (DbUpdateException e)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                logger.LogWarning("Reminder pass {Day}: a batch of {Count} reminders was already decided by another pass; skipped ({Error})",
                    today, batch.Length, e.InnerException?.Message ?? e.Message);
            }

            outbox.Wake();
        }

        return written;
    }

    private sealed record Plan(int DueItems, IReadOnlyList<PlannedMail> Mails);

    internal sealed record DueStep(IReminderRule Rule, DueWork Item, ReminderStep Step);

    private sealed record CommuneRow(TenantInfo Commune, int EscalationWorkingDays);

    private readonly record struct NoticeKey(string Rule, string ItemKey, string Step, string RecipientUserId);

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

/// <summary>One mail a pass decided (or, with <see cref="ReminderChannel.Suppressed"/>, decided not to send).</summary>
public sealed record PlannedMail(string ToAddress, string ToName, ReminderChannel Channel, EmailMessage? Message, int? TenantId, IReadOnlyList<ReminderNotice> Notices)
{
    internal PlannedMail(ReminderPass.Member person, ReminderChannel channel, EmailMessage? message, IReadOnlyList<ReminderNotice> notices)
        : this(person.Email, person.FullName, channel, message, notices.Select(n => n.TenantId).Distinct().Count() == 1 ? notices[0].TenantId : null, notices)
    {
    }
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
