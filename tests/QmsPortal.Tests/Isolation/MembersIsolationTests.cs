using System.Net;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Isolation;

/// <summary>Memberships, their history and invitation mails are platform rows: every page filters them by commune.</summary>
public sealed class MembersIsolationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_commune_never_sees_another_communes_members_history_or_invitations()
    {
        var mine = await portal.CreateCommuneAsync();
        var other = await portal.CreateCommuneAsync();
        var admin = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(mine, CommuneRole.CommuneAdmin)]));
        var otherAdmin = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(other, CommuneRole.CommuneAdmin)]));
        var invited = PortalFactory.UniqueEmail("xakhac");
        await Html.PostFormAsync(otherAdmin, $"/{other.Slug}/quan-tri/thanh-vien", new()
        {
            ["Input.Email"] = invited, ["Input.FullName"] = "Người Xã Khác", ["Input.Role"] = "Approver",
        }, handler: "Add");
        var invitedId = (await Html.GetDocumentAsync(otherAdmin, $"/{other.Slug}/quan-tri/thanh-vien"))
            .QuerySelectorAll("#thanh-vien tbody tr").Single(r => r.TextContent.Contains(invited)).GetAttribute("data-user")!;

        var page = await Html.GetDocumentAsync(admin, $"/{mine.Slug}/quan-tri/thanh-vien");
        var foreign = await admin.GetAsync($"/{other.Slug}/quan-tri/thanh-vien");
        var token = page.QuerySelector("input[name=__qms_af]")!.GetAttribute("value")!;
        var resend = await admin.PostAsync($"/{mine.Slug}/quan-tri/thanh-vien?handler=Resend&userId={Uri.EscapeDataString(invitedId)}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__qms_af"] = token }));

        Assert.DoesNotContain(invited, page.Body!.TextContent);
        Assert.DoesNotContain("Người Xã Khác", page.Body!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, foreign.StatusCode);
        Assert.StartsWith("/tai-khoan/khong-co-quyen", foreign.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.NotFound, resend.StatusCode);
        Assert.Single(await MailSink.ForAsync(invited, atLeast: 1));
    }
}
