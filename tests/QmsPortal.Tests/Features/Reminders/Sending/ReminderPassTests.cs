using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Documents;
using QmsPortal.Web.Features.Reminders.Sending;

namespace QmsPortal.Tests.Features.Reminders.Sending;

/// <summary>
/// The daily pass over every commune, travelling in time by the day it is given: each reminder step reaches the
/// right people once, one digest per person, escalation to the approver once overdue by the commune's limit.
/// Days are chosen away from public holidays, so the figures hold with or without the calendar's data.
/// </summary>
public sealed class ReminderPassTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly DateOnly Due = new(2027, 6, 16); // a Wednesday

    [Fact]
    public async Task A_review_due_is_reminded_30_and_7_working_days_before_on_the_day_then_weekly_each_step_once()
    {
        var office = await ReminderOffice.CreateAsync(portal);
        await office.DocumentDueAsync(portal, "QT-901", Due);

        // 33 working days before: nothing yet; 30 before (5 May): the first step; the same day again and two weeks
        // later: nothing new; 7 before; on the day; 1 and 6 working days late (a new week of overdue reminders).
        foreach (var day in new[] { "2027-04-30", "2027-05-05", "2027-05-05", "2027-05-20", "2027-06-07", "2027-06-16", "2027-06-17", "2027-06-23", "2027-06-24", "2027-06-24" })
        {
            await portal.PassAsync(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));
        }

        var secretary = (await portal.NoticesForAsync(office.Secretary)).Where(n => n.Rule == ReminderOffice.ReviewRule).ToList();
        Assert.Equal(["truoc-30", "truoc-7", "den-han", "qua-han-1", "qua-han-2"], secretary.Select(n => n.Step));
        Assert.Equal([new DateOnly(2027, 5, 5), new DateOnly(2027, 6, 7), Due, new DateOnly(2027, 6, 17), new DateOnly(2027, 6, 24)], secretary.Select(n => n.PassDate));
        Assert.All(secretary, n => Assert.Equal(ReminderChannel.Digest, n.Channel));
        Assert.Equal(5, (await portal.MailsToAsync(office.Secretary)).Count);
        Assert.Empty(await portal.NoticesForAsync(office.Staff));

        // Escalation once the review is 5 working days late (the default limit), once only.
        var approver = await portal.NoticesForAsync(office.Approver);
        var escalation = Assert.Single(approver);
        Assert.Equal((ReminderPass.EscalationStep, ReminderChannel.Escalation, new DateOnly(2027, 6, 23)), (escalation.Step, escalation.Channel, escalation.PassDate));
        var mail = Assert.Single(await portal.MailsToAsync(office.Approver));
        Assert.Contains("quá hạn", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("QT-901", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_gets_one_digest_for_everything_due_across_their_communes_with_configured_links()
    {
        var first = await ReminderOffice.CreateAsync(portal);
        var second = await ReminderOffice.CreateAsync(portal, secretary: first.Secretary);
        var id = await first.DocumentDueAsync(portal, "QT-911", new DateOnly(2027, 9, 15));
        await second.DocumentDueAsync(portal, "QT-912", new DateOnly(2027, 9, 14));

        var result = await portal.PassAsync(new DateOnly(2027, 9, 8));

        var mail = Assert.Single(await portal.MailsToAsync(first.Secretary));
        Assert.Contains("2 việc", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("tại 2 xã, phường", mail.Subject, StringComparison.Ordinal);
        foreach (var text in new[] { mail.Body!, mail.HtmlBody! })
        {
            Assert.Contains(first.Commune.Name, text, StringComparison.Ordinal);
            Assert.Contains(second.Commune.Name, text, StringComparison.Ordinal);
            Assert.Contains("QT-911", text, StringComparison.Ordinal);
            Assert.Contains("QT-912", text, StringComparison.Ordinal);
            Assert.Contains($"{PortalFactory.PublicBaseUrl}/{first.Commune.Slug}/tai-lieu/{id}", text, StringComparison.Ordinal);
            Assert.Contains($"{PortalFactory.PublicBaseUrl}/tai-khoan", text, StringComparison.Ordinal);
        }

        Assert.Equal(2, (await portal.NoticesForAsync(first.Secretary)).Count(n => n.OutboxMessageId == mail.Id));
        Assert.True(result.Digests >= 1);
    }

    [Fact]
    public async Task Titles_are_encoded_in_the_html_digest()
    {
        var office = await ReminderOffice.CreateAsync(portal);
        var id = await office.DocumentDueAsync(portal, "QT-913", new DateOnly(2027, 10, 13));
        // No commune is entered in this scope: the document is named by its id.
        await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Set<ControlledDocument>().IgnoreQueryFilters().Where(d => d.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Title, "Quy trình <b>in đậm</b>")));

        await portal.PassAsync(new DateOnly(2027, 10, 13));

        var mail = Assert.Single(await portal.MailsToAsync(office.Secretary));
        Assert.Contains("Quy trình &lt;b&gt;in đậm&lt;/b&gt;", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>in đậm</b>", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_digest_turned_off_nothing_is_mailed_to_the_person_but_escalations_still_are()
    {
        var office = await ReminderOffice.CreateAsync(portal);
        await office.DocumentDueAsync(portal, "QT-921", new DateOnly(2027, 11, 3));
        await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            await db.Users.Where(u => u.Email == office.Secretary || u.Email == office.Approver).ExecuteUpdateAsync(s => s.SetProperty(u => u.ReminderDigestOff, true));
        });

        await portal.PassAsync(new DateOnly(2027, 11, 3));
        await portal.PassAsync(new DateOnly(2027, 11, 10));

        Assert.Empty(await portal.MailsToAsync(office.Secretary));
        var told = await portal.NoticesForAsync(office.Secretary);
        Assert.Equal(["den-han", "qua-han-1"], told.Select(n => n.Step));
        Assert.All(told, n => Assert.Equal((ReminderChannel.Suppressed, (long?)null), (n.Channel, n.OutboxMessageId)));
        Assert.Single(await portal.MailsToAsync(office.Approver));
    }

    [Fact]
    public async Task A_dry_run_plans_the_same_mail_and_writes_nothing()
    {
        var office = await ReminderOffice.CreateAsync(portal);
        await office.DocumentDueAsync(portal, "QT-931", new DateOnly(2028, 2, 2));

        var preview = await portal.PassAsync(new DateOnly(2028, 2, 2), dryRun: true);

        var planned = Assert.Single(preview.Mails, m => m.ToAddress == office.Secretary);
        Assert.Contains("QT-931", planned.Compose()!.Body, StringComparison.Ordinal);
        Assert.Empty(await portal.NoticesForAsync(office.Secretary));
        Assert.Empty(await portal.MailsToAsync(office.Secretary));
        await portal.PassAsync(new DateOnly(2028, 2, 2));
        Assert.Single(await portal.MailsToAsync(office.Secretary));
    }

    [Fact]
    public async Task Two_passes_at_once_decide_each_reminder_once()
    {
        var office = await ReminderOffice.CreateAsync(portal);
        await office.DocumentDueAsync(portal, "QT-941", new DateOnly(2028, 3, 1));
        await office.DocumentDueAsync(portal, "QT-942", new DateOnly(2028, 3, 2));

        var pass = portal.ReviewOnlyPass();
        await Task.WhenAll(pass.RunAsync(new DateOnly(2028, 3, 1), dryRun: false), pass.RunAsync(new DateOnly(2028, 3, 1), dryRun: false));

        var told = (await portal.NoticesForAsync(office.Secretary)).Where(n => n.PassDate == new DateOnly(2028, 3, 1)).ToList();
        Assert.Equal(2, told.Count);
        Assert.Single(told.Select(n => n.OutboxMessageId).Distinct());
        Assert.Single(await portal.MailsToAsync(office.Secretary));
    }
}
