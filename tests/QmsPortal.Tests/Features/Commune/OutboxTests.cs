using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Email;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Commune;

/// <summary>/{slug}/thu-di: a commune administrator sees the commune's dead letters with the server's reply and sends them again.</summary>
public sealed class OutboxTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    /// <summary>Rows as the outbox leaves them: one refused after every attempt, one still waiting.</summary>
    internal static Task<(long Failed, long Pending)> SeedAsync(PortalFactory portal, TenantInfo commune, string failedTo, string pendingTo) =>
        portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var now = portal.Clock.GetUtcNow().UtcDateTime;
            var failed = OutboxMessage.ForReady(new EmailMessage(failedTo, "Phạm Thị Từ Chối", "Nhắc việc: xác nhận đã đọc QT-02", "Nội dung riêng tư số 1."), commune.Id, now);
            failed.Fail("550 5.1.1 Mailbox unavailable: hộp thư không tồn tại", now, maxAttempts: 0);
            var pending = OutboxMessage.ForReady(new EmailMessage(pendingTo, "Vũ Văn Chờ", "Nhắc việc: rà soát QT-03", "Nội dung riêng tư số 2."), commune.Id, now);
            db.AddRange(failed, pending);
            await db.SaveChangesAsync();
            // The dispatcher must not send the waiting one during the test: it waits for a later try.
            await db.Set<OutboxMessage>().Where(m => m.Id == pending.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, now.AddDays(1)).SetProperty(m => m.LastError, "421 4.4.2 Connection timed out"));
            return (failed.Id, pending.Id);
        });

    [Fact]
    public async Task The_commune_administrator_sees_failed_and_waiting_mail_with_the_servers_reply_but_never_a_body_and_sends_again()
    {
        var commune = await portal.CreateCommuneAsync();
        var admin = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(commune, CommuneRole.CommuneAdmin)]));
        var (failedId, pendingId) = await SeedAsync(portal, commune, PortalFactory.UniqueEmail("tuchoi"), PortalFactory.UniqueEmail("cho"));

        var page = await Html.GetDocumentAsync(admin, $"/{commune.Slug}/thu-di");
        var failed = page.QuerySelector($"#thu-that-bai tr[data-id='{failedId}']")!;
        var pending = page.QuerySelector($"#thu-dang-cho tr[data-id='{pendingId}']")!;
        Assert.Contains("550 5.1.1 Mailbox unavailable", failed.TextContent);
        Assert.Contains("Phạm Thị Từ Chối", failed.TextContent);
        Assert.Contains("421 4.4.2", pending.TextContent);
        Assert.DoesNotContain("Nội dung riêng tư", page.Body!.TextContent);

        var retried = await Html.PostFormAsync(admin, $"/{commune.Slug}/thu-di", [], handler: "Retry");

        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        var row = await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == failedId));
        Assert.NotEqual(OutboxStatus.Failed, row.Status);
    }

    [Fact]
    public async Task Other_members_of_the_commune_may_not_open_it()
    {
        var commune = await portal.CreateCommuneAsync();
        var secretary = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary)]));

        var response = await secretary.GetAsync($"/{commune.Slug}/thu-di");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/tai-khoan/khong-co-quyen", response.Headers.Location!.PathAndQuery);
    }
}
