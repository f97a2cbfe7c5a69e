using System.Net;
using System.Text.RegularExpressions;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Account;

/// <summary>Account e-mails go through the real SMTP server started by build/test.sh.</summary>
public sealed partial class InvitationAndResetTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_commune_admin_invites_a_new_member_who_sets_a_password_from_the_mail_and_signs_in()
    {
        var commune = await portal.CreateCommuneAsync();
        var admin = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(commune, CommuneRole.CommuneAdmin)]));
        var newcomer = PortalFactory.UniqueEmail("moi");

        var invited = await Html.PostFormAsync(admin, $"/{commune.Slug}/quan-tri/thanh-vien", new()
        {
            ["Input.Email"] = newcomer, ["Input.FullName"] = "Lê Thị Mới", ["Input.JobTitle"] = "Công chức Văn hóa – Xã hội", ["Input.Role"] = "Staff",
        }, handler: "Add");
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);

        var mail = Assert.Single(await MailSink.ForAsync(newcomer));
        Assert.Equal($"Mời tham gia Cổng quản lý chất lượng — UBND {commune.Name}", mail.Subject);
        Assert.Contains("Kính gửi Lê Thị Mới", mail.Body);
        Assert.Contains("Cán bộ, công chức", mail.Body);
        var link = new Uri(Link().Match(mail.Body).Value);

        var set = await Html.PostFormAsync(portal.Anonymous(), link.PathAndQuery, new() { ["Input.Password"] = "MatKhauMoi2026", ["Input.ConfirmPassword"] = "MatKhauMoi2026" });
        Assert.Equal("/tai-khoan/dang-nhap", set.Headers.Location!.OriginalString);

        var account = await Html.GetDocumentAsync(await portal.SignedInAsync(newcomer, "MatKhauMoi2026"), "/tai-khoan");
        Assert.Contains(commune.Name, account.QuerySelector("tbody")!.TextContent);
    }

    [Fact]
    public async Task Inviting_an_unknown_address_without_a_name_asks_for_the_name_and_sends_nothing()
    {
        var commune = await portal.CreateCommuneAsync();
        var admin = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(commune, CommuneRole.CommuneAdmin)]));
        var unknown = PortalFactory.UniqueEmail("chuaco");

        var response = await Html.PostFormAsync(admin, $"/{commune.Slug}/quan-tri/thanh-vien", new() { ["Input.Email"] = unknown, ["Input.Role"] = "Staff" }, handler: "Add");

        Assert.Contains("nhập họ và tên", Html.FieldError(await Html.ParseAsync(response), "Input.FullName"));
        Assert.Empty(await MailSink.ForAsync(unknown, atLeast: 0));
    }

    [Fact]
    public async Task Forgot_password_mails_a_working_reset_link_and_answers_the_same_for_unknown_addresses()
    {
        var email = await portal.CreateUserAsync(fullName: "Trần Quên");
        var unknown = PortalFactory.UniqueEmail("khongco");

        var known = await Html.ParseAsync(await Html.PostFormAsync(portal.Anonymous(), "/tai-khoan/quen-mat-khau", new() { ["Input.Email"] = email }));
        var other = await Html.ParseAsync(await Html.PostFormAsync(portal.Anonymous(), "/tai-khoan/quen-mat-khau", new() { ["Input.Email"] = unknown }));

        Assert.Equal(known.QuerySelector("[role=status]")!.TextContent, other.QuerySelector("[role=status]")!.TextContent);
        var mail = Assert.Single(await MailSink.ForAsync(email));
        Assert.StartsWith("Đặt lại mật khẩu", mail.Subject);
        Assert.Empty(await MailSink.ForAsync(unknown, atLeast: 0));

        var link = new Uri(Link().Match(mail.Body).Value);
        var weak = await Html.PostFormAsync(portal.Anonymous(), link.PathAndQuery, new() { ["Input.Password"] = "ngan", ["Input.ConfirmPassword"] = "ngan" });
        Assert.Contains("ít nhất 10 ký tự", Html.FieldError(await Html.ParseAsync(weak), "Input.Password"));
        await Html.PostFormAsync(portal.Anonymous(), link.PathAndQuery, new() { ["Input.Password"] = "MatKhau2026Moi", ["Input.ConfirmPassword"] = "MatKhau2026Moi" });
        Assert.NotNull(await portal.SignedInAsync(email, "MatKhau2026Moi"));
    }

    [Fact]
    public async Task A_tampered_reset_token_is_refused()
    {
        var email = await portal.CreateUserAsync();

        var response = await Html.PostFormAsync(portal.Anonymous(), $"/tai-khoan/dat-lai-mat-khau?email={Uri.EscapeDataString(email)}&token=gia-mao",
            new() { ["Input.Password"] = "MatKhau2026Moi", ["Input.ConfirmPassword"] = "MatKhau2026Moi" });

        Assert.Contains("không hợp lệ", (await Html.ParseAsync(response)).QuerySelector(".validation-summary-errors")!.TextContent);
    }

    [Fact]
    public async Task Links_in_mail_come_from_configuration_never_from_the_host_a_request_used()
    {
        var host = $"xa{PortalFactory.Next()}.quangtri.gov.vn";
        var commune = await portal.CreateCommuneAsync(host: host);
        var admin = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(commune, CommuneRole.CommuneAdmin)]));
        var member = await portal.CreateUserAsync(fullName: "Phan Văn Quên");
        var newcomer = PortalFactory.UniqueEmail("moi");

        var poisoned = await portal.Anonymous("evil.example").PostAsync("/tai-khoan/quen-mat-khau",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = member }));
        await Html.PostFormAsync(portal.Anonymous(host), "/tai-khoan/quen-mat-khau", new() { ["Input.Email"] = member });
        await Html.PostFormAsync(admin, $"/{commune.Slug}/quan-tri/thanh-vien", new()
        {
            ["Input.Email"] = newcomer, ["Input.FullName"] = "Hồ Thị Mới", ["Input.Role"] = "Staff",
        }, handler: "Add");

        Assert.Equal(HttpStatusCode.BadRequest, poisoned.StatusCode);
        var reset = Assert.Single(await MailSink.ForAsync(member));
        Assert.StartsWith($"{PortalFactory.PublicBaseUrl}/tai-khoan/dat-lai-mat-khau?", Link().Match(reset.Body).Value);
        var invitation = Assert.Single(await MailSink.ForAsync(newcomer));
        Assert.StartsWith($"http://{host}/tai-khoan/dat-lai-mat-khau?", Link().Match(invitation.Body).Value);
        Assert.DoesNotContain("evil.example", reset.Body + invitation.Body);
    }

    [Fact]
    public async Task An_admin_resends_the_invitation_of_a_member_who_has_not_set_a_password()
    {
        var commune = await portal.CreateCommuneAsync();
        var admin = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(commune, CommuneRole.CommuneAdmin)]));
        var newcomer = PortalFactory.UniqueEmail("guilai");
        await Html.PostFormAsync(admin, $"/{commune.Slug}/quan-tri/thanh-vien", new()
        {
            ["Input.Email"] = newcomer, ["Input.FullName"] = "Vũ Văn Chờ", ["Input.Role"] = "Staff",
        }, handler: "Add");
        Assert.Single(await MailSink.ForAsync(newcomer));

        var page = await Html.GetDocumentAsync(admin, $"/{commune.Slug}/quan-tri/thanh-vien");
        var row = page.QuerySelectorAll("#thanh-vien tbody tr").Single(r => r.TextContent.Contains(newcomer));
        Assert.Contains("Thư mời đã gửi lúc", row.QuerySelector(".invitation-status")!.TextContent);
        Assert.NotNull(row.QuerySelector("form[action*='handler=Resend']"));
        var response = await Html.PostFormAsync(admin, $"/{commune.Slug}/quan-tri/thanh-vien", [], handler: "Resend");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var mails = await MailSink.ForAsync(newcomer, atLeast: 2);
        Assert.Equal(2, mails.Count);
        var link = new Uri(Link().Match(mails[1].Body).Value);
        await Html.PostFormAsync(portal.Anonymous(), link.PathAndQuery, new() { ["Input.Password"] = "MatKhauMoi2026", ["Input.ConfirmPassword"] = "MatKhauMoi2026" });
        var after = await Html.GetDocumentAsync(admin, $"/{commune.Slug}/quan-tri/thanh-vien");
        var activated = after.QuerySelectorAll("#thanh-vien tbody tr").Single(r => r.TextContent.Contains(newcomer));
        Assert.Contains("Đã kích hoạt", activated.TextContent);
        Assert.Null(activated.QuerySelector("form[action*='handler=Resend']"));
    }

    [GeneratedRegex(@"https?://\S+/tai-khoan/dat-lai-mat-khau\?\S+")]
    private static partial Regex Link();
}
