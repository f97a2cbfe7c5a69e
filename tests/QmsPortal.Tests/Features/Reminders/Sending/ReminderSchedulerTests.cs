using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Reminders.Sending;

namespace QmsPortal.Tests.Features.Reminders.Sending;

/// <summary>The daily timer's decisions and the lease that keeps two processes on one database from both running a pass.</summary>
public sealed class ReminderSchedulerTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private ReminderLease NewProcessLease() =>
        new(portal.Services.GetRequiredService<IServiceScopeFactory>(), portal.Clock);

    [Fact]
    public async Task Only_one_holder_at_a_time_and_a_lapsed_lease_passes_to_another_process()
    {
        var first = NewProcessLease();
        var second = NewProcessLease();

        Assert.True(await first.TryAcquireAsync());
        Assert.False(await second.TryAcquireAsync());
        Assert.True(await first.TryAcquireAsync()); // renewing one's own lease

        portal.Clock.Advance(ReminderLease.HoldFor + TimeSpan.FromMinutes(1)); // the first process died holding it
        Assert.True(await second.TryAcquireAsync());
        Assert.False(await first.TryAcquireAsync());

        await second.ReleaseAsync(completed: null, today: false);
        Assert.True(await first.TryAcquireAsync());
        await first.ReleaseAsync(completed: null, today: false);
    }

    [Fact]
    public async Task The_days_pass_runs_once_after_the_send_hour_and_is_recorded_for_the_administrator()
    {
        var office = await ReminderOffice.CreateAsync(portal);
        var today = Web.Text.VietnameseFormat.Today(portal.Clock);
        await office.DocumentDueAsync(portal, "QT-961", today);
        var scheduler = portal.Services.GetRequiredService<ReminderScheduler>();
        var local = Web.Text.VietnameseFormat.Local(portal.Clock.GetUtcNow());

        // Before 07:00 in Hà Nội nothing runs; then the day's pass runs once, whatever the number of checks.
        portal.Clock.Advance(TimeSpan.FromHours(24 + 5 - local.Hour) - TimeSpan.FromMinutes(local.Minute)); // 05:00 the next day
        Assert.Null(await scheduler.RunIfDueAsync());
        portal.Clock.Advance(TimeSpan.FromHours(3)); // 08:00
        var result = await scheduler.RunIfDueAsync();
        Assert.NotNull(result);
        Assert.Null(await scheduler.RunIfDueAsync());

        Assert.Single(await portal.MailsToAsync(office.Secretary));
        var lease = await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Set<SchedulerLease>().AsNoTracking().SingleAsync(l => l.Name == ReminderLease.Name));
        Assert.Equal((today.AddDays(1), (string?)null), (lease.LastCompletedOn, lease.Holder));
        Assert.Contains("thư tổng hợp", lease.LastSummary, StringComparison.Ordinal);

        var admin = await portal.SignedInAsync(await portal.CreateUserAsync(platformRole: Web.Tenancy.PlatformRoles.PlatformAdmin));
        var page = await Html.GetDocumentAsync(admin, "/admin");
        Assert.Contains(lease.LastSummary!, page.QuerySelector("#nhac-viec")!.TextContent, StringComparison.Ordinal);
    }
}
