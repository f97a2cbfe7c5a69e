using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Reminders.Calendar;
using QmsPortal.Web.Features.Reminders.Sending;

namespace QmsPortal.Tests.Features.Reminders.Sending;

/// <summary>Escalation counts working days with the commune's own limit: a public holiday in between is not a day late.</summary>
public sealed class EscalationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task An_item_overdue_by_the_communes_limit_goes_to_its_approvers_and_a_holiday_does_not_count()
    {
        var office = await ReminderOffice.CreateAsync(portal);
        var second = await portal.CreateUserAsync(PortalFactory.UniqueEmail("phochutich"), [(office.Commune, Web.Tenancy.CommuneRole.Approver)], fullName: "Lê Văn Phó");
        await office.DocumentDueAsync(portal, "QT-951", new DateOnly(2027, 7, 9)); // a Friday
        await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            await db.Tenants.Where(t => t.Id == office.Commune.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.EscalationWorkingDays, 2));
            // A made-up day off on Monday 12 July 2027, which no real calendar has, so the recipe's data cannot clash.
            db.Add(new CalendarDay { Date = new DateOnly(2027, 7, 12), Kind = CalendarDayKind.Holiday, Name = "Ngày nghỉ thử nghiệm" });
            await db.SaveChangesAsync();
            sp.GetRequiredService<WorkingCalendarStore>().Invalidate();
        });

        await portal.PassAsync(new DateOnly(2027, 7, 13)); // one working day late: Monday was a holiday
        Assert.Empty(await portal.NoticesForAsync(office.Approver));

        await portal.PassAsync(new DateOnly(2027, 7, 14)); // two working days late: the commune's limit
        await portal.PassAsync(new DateOnly(2027, 7, 15));

        foreach (var approver in new[] { office.Approver, second })
        {
            var notice = Assert.Single(await portal.NoticesForAsync(approver));
            Assert.Equal((ReminderPass.EscalationStep, new DateOnly(2027, 7, 14)), (notice.Step, notice.PassDate));
            var mail = Assert.Single(await portal.MailsToAsync(approver));
            Assert.Contains(office.Commune.Name, mail.Subject, StringComparison.Ordinal);
            Assert.Contains("quá hạn 2 ngày làm việc", mail.Body, StringComparison.Ordinal);
        }

        Assert.Empty(await portal.NoticesForAsync(office.Staff));
    }
}
