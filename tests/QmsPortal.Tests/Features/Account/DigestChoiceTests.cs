using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;

namespace QmsPortal.Tests.Features.Account;

/// <summary>"Tài khoản của tôi": a person turns the daily digest of due work off and on; escalations are said to go on.</summary>
public sealed class DigestChoiceTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private Task<bool> DigestOffAsync(string email) => portal.InScopeAsync(sp =>
        sp.GetRequiredService<QmsDbContext>().Users.Where(u => u.Email == email).Select(u => u.ReminderDigestOff).SingleAsync());

    [Fact]
    public async Task Turning_the_digest_off_and_on_is_saved_with_a_confirmation_and_escalations_stay_on()
    {
        var commune = await portal.CreateCommuneAsync();
        var email = await portal.CreateUserAsync(memberships: [(commune, Web.Tenancy.CommuneRole.Staff)]);
        var other = await portal.CreateUserAsync();
        var client = await portal.SignedInAsync(email);

        var page = await Html.GetDocumentAsync(client, "/tai-khoan");
        var box = (AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#thu-tong-hop input[type=checkbox][name=ReceiveDigest]")!;
        Assert.True(box.IsChecked);
        Assert.Contains("Nhận thư tổng hợp việc đến hạn hằng ngày", page.QuerySelector("#thu-tong-hop")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("luôn được gửi", page.QuerySelector("#thu-tong-hop")!.TextContent, StringComparison.Ordinal);

        var off = await Html.PostFormAsync(client, "/tai-khoan", new() { ["ReceiveDigest"] = "false" }, handler: "Digest");
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.True(await DigestOffAsync(email));
        Assert.False(await DigestOffAsync(other));
        var after = await Html.GetDocumentAsync(client, off.Headers.Location!.ToString());
        Assert.Contains("không nhận thư tổng hợp hằng ngày nữa", after.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("vẫn được gửi", after.Body!.TextContent, StringComparison.Ordinal);
        Assert.False(((AngleSharp.Html.Dom.IHtmlInputElement)after.QuerySelector("#ReceiveDigest")!).IsChecked);

        var on = await Html.PostFormAsync(client, "/tai-khoan", new() { ["ReceiveDigest"] = "true" }, handler: "Digest");
        Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);
        Assert.False(await DigestOffAsync(email));
    }
}
