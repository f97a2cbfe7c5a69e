using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Reminders.Calendar;
using QmsPortal.Web.Tenancy;
using QmsPortal.Web.Text;
using QmsPortal.Web.Theming;

namespace QmsPortal.Web.Features.Reminders.Workspace;

/// <summary>One item of "Việc của tôi": the due work, the heading of its kind, and how it stands today in working days.</summary>
public sealed record MyWorkItem(DueWork Work, string Label, DateOnly Today, WorkingCalendar Calendar)
{
    public bool IsOverdue => Work.IsOverdue(Today);

    /// <summary>"quá hạn 3 ngày làm việc", "đến hạn hôm nay", "còn 5 ngày làm việc".</summary>
    public string Standing
    {
        get
        {
            if (Work.DueDate == Today)
            {
                return "đến hạn hôm nay";
            }

            var days = Calendar.WorkingDaysBetween(Today, Work.DueDate);
            return Work.DueDate < Today
                ? days == 0 ? "đã đến hạn" : $"quá hạn {-days} ngày làm việc"
                : $"còn {days} ngày làm việc";
        }
    }
}

/// <summary>How many items wait for a person in a commune, and how many of them are overdue.</summary>
public sealed record MyWorkCount(int Total, int Overdue);

/// <summary>
/// What waits for the signed-in person in one commune: every registered <see cref="IReminderRule"/> run over that commune
/// (the same rules the reminder pass mails), kept to the items named for them or for one of their roles there.
/// </summary>
public sealed class MyWork(QmsDbContext db, IEnumerable<IReminderRule> rules, WorkingCalendarStore calendars, TimeProvider clock, MyWorkCountCache counts)
{
    public async Task<IReadOnlyList<MyWorkItem>> ListAsync(int tenantId, string userId, IReadOnlySet<CommuneRole> roles,
        CancellationToken cancellationToken = default)
    {
        var calendar = await calendars.GetAsync(cancellationToken);
        var today = VietnameseFormat.Today(clock);
        var context = new DueContext(db, DueScope.Commune(tenantId), today, calendar);
        var items = new List<MyWorkItem>();
        // One after the other: the rules share the request's DbContext, which runs one query at a time.
        foreach (var rule in rules)
        {
            var found = await rule.FindAsync(context, cancellationToken);
            items.AddRange(found.Where(w => w.TenantId == tenantId && w.IsFor(userId, roles)).Select(w => new MyWorkItem(w, rule.Label, today, calendar)));
        }

        // Overdue first (the earliest due date is the most overdue), then what falls due soonest.
        return items.OrderBy(i => i.Work.DueDate).ThenBy(i => i.Label, StringComparer.Ordinal).ThenBy(i => i.Work.Title, StringComparer.Ordinal).ToList();
    }

    /// <summary>The count for the commune home and the staff navigation, cached a short while per person and commune.</summary>
    public Task<MyWorkCount> CountAsync(int tenantId, string userId, IReadOnlySet<CommuneRole> roles, CancellationToken cancellationToken = default) =>
        counts.GetOrAddAsync(tenantId, userId, async () =>
        {
            var items = await ListAsync(tenantId, userId, roles, cancellationToken);
            return new MyWorkCount(items.Count, items.Count(i => i.IsOverdue));
        });
}

/// <summary>
/// Counts of "Việc của tôi" kept two minutes per person and commune, so the navigation on every page does not run every
/// rule; a change made in the commune (any POST there) drops the commune's counts at once, so acting on an item shows.
/// </summary>
public sealed class MyWorkCountCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<int, CancellationTokenSource> _communes = new();

    public async Task<MyWorkCount> GetOrAddAsync(int tenantId, string userId, Func<Task<MyWorkCount>> count)
    {
        var key = ("viec-cua-toi", tenantId, userId);
        if (cache.TryGetValue(key, out MyWorkCount? cached) && cached is not null)
        {
            return cached;
        }

        var source = _communes.GetOrAdd(tenantId, _ => new CancellationTokenSource());
        var value = await count();
        cache.Set(key, value, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 1 }
            .AddExpirationToken(new CancellationChangeToken(source.Token)));
        return value;
    }

    public void Evict(int tenantId)
    {
        if (_communes.TryRemove(tenantId, out var source))
        {
            source.Cancel();
            source.Dispose();
        }
    }
}

/// <summary>Drops the commune's cached counts after any form posted on one of its pages.</summary>
public sealed class EvictMyWorkCountOnPost(MyWorkCountCache counts, TenantContext tenant) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        await next();
        if (HttpMethods.IsPost(context.HttpContext.Request.Method) && tenant.TenantId is { } tenantId)
        {
            counts.Evict(tenantId);
        }
    }
}

/// <summary>"Việc của tôi (3)" in the staff navigation.</summary>
public sealed class MyWorkNavCounter(MyWork work, CommuneAccess access) : IStaffNavCounter
{
    public async Task<string?> SuffixAsync(TenantInfo commune, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return null;
        }

        var count = await work.CountAsync(commune.Id, userId, await access.RolesAsync(cancellationToken), cancellationToken);
        return count.Total == 0 ? null : $"({count.Total})";
    }
}
