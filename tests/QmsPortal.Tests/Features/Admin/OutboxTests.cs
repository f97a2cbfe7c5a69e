using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Email;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Admin;

/// <summary>/admin/thu-di: where mail goes, and "Gửi thư thử", which queues (never sends inline) and arrives through the real server.</summary>
public sealed class OutboxTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_test_mail_is_queued_at_once_to_the_admins_own_address_by_default_and_arrives_as_plain_text_and_HTML()
    {
        var email = await portal.CreateUserAsync(platformRole: PlatformRoles.PlatformAdmin, fullName: "Hoàng Quản Trị");
        var admin = await portal.SignedInAsync(email);

        var page = await Html.GetDocumentAsync(admin, "/admin/thu-di");
        Assert.Equal(email, page.QuerySelector("#gui-thu-thu input[name=TestAddress]")!.GetAttribute("value"));
        Assert.Contains($"SMTP 127.0.0.1:{MailSink.Port} (không mã hoá)", page.QuerySelector("#noi-gui-thu")!.TextContent);

        var response = await Html.PostFormAsync(admin, "/admin/thu-di", new() { ["TestAddress"] = email }, handler: "Test");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var queued = await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.ToAddress == email));
        Assert.Equal(OutboxMessage.Ready, queued.Kind);
        Assert.Contains("Đã xếp thư thử gửi tới " + email, (await Html.GetDocumentAsync(admin, "/admin/thu-di")).Body!.TextContent);
        var mail = Assert.Single(await MailSink.ForAsync(email));
        Assert.StartsWith("Thư thử: ", mail.Subject);
        Assert.IsType<MultipartAlternative>(mail.Message.Body);
        Assert.Contains("Hoàng Quản Trị", mail.Body);
        Assert.Equal("Hoàng Quản Trị", mail.Message.To.Mailboxes.Single().Name);
    }

    [Fact]
    public async Task A_test_mail_to_a_malformed_address_is_refused_with_a_message_and_nothing_is_queued()
    {
        var admin = await portal.SignedInAsync(await portal.CreateUserAsync(platformRole: PlatformRoles.PlatformAdmin));

        var response = await Html.PostFormAsync(admin, "/admin/thu-di", new() { ["TestAddress"] = "khong-phai-dia-chi" }, handler: "Test");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Địa chỉ thư điện tử không hợp lệ.", Html.FieldError(await Html.ParseAsync(response), "TestAddress"));
        Assert.False(await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Set<OutboxMessage>().AnyAsync(m => m.ToAddress == "khong-phai-dia-chi")));
    }
}
