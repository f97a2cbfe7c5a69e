using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Features.Reminders.Sending;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Cli;
using QmsPortal.Web.Features.Reminders.Sending;

namespace QmsPortal.Tests.Cli;

/// <summary><c>reminders run [--date yyyy-MM-dd] [--dry-run]</c>: what an operator sees and what it writes.</summary>
public sealed class RemindersCommandTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandLine.RunAsync(portal.Services, args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task A_dry_run_prints_each_mail_and_its_items_then_a_run_queues_and_sends_them()
    {
        var office = await ReminderOffice.CreateAsync(portal);
        await office.DocumentDueAsync(portal, "QT-991", new DateOnly(2027, 4, 7));

        var (code, output, _) = await RunAsync("reminders", "run", "--date", "2027-04-07", "--dry-run");

        Assert.Equal(0, code);
        Assert.Contains($"<{office.Secretary}> (thư tổng hợp)", output, StringComparison.Ordinal);
        Assert.Contains("tai-lieu-xem-xet / den-han: Xem xét định kỳ QT-991", output, StringComparison.Ordinal);
        Assert.Contains("Chạy thử ngày 07/04/2027", output, StringComparison.Ordinal);
        Assert.Empty(await portal.MailsToAsync(office.Secretary));

        var (runCode, runOutput, _) = await RunAsync("reminders", "run", "--date", "2027-04-07");

        Assert.Equal(0, runCode);
        Assert.Contains("Nhắc việc ngày 07/04/2027", runOutput, StringComparison.Ordinal);
        Assert.Single(await portal.MailsToAsync(office.Secretary));
        Assert.Single(await MailSink.ForAsync(office.Secretary));
    }

    [Fact]
    public async Task A_bad_date_is_a_usage_error_and_a_pass_already_running_elsewhere_is_refused()
    {
        var (code, _, error) = await RunAsync("reminders", "run", "--date", "07/04/2027");
        Assert.Equal(2, code);
        Assert.Contains("--date must be yyyy-MM-dd", error, StringComparison.Ordinal);

        var elsewhere = new ReminderLease(portal.Services.GetRequiredService<IServiceScopeFactory>(), portal.Clock);
        Assert.True(await elsewhere.TryAcquireAsync());
        try
        {
            var (busy, _, busyError) = await RunAsync("reminders", "run");
            Assert.Equal(1, busy);
            Assert.Contains("Một lượt nhắc việc khác đang chạy", busyError, StringComparison.Ordinal);
        }
        finally
        {
            await elsewhere.ReleaseAsync(completed: null, today: false);
        }
    }
}
