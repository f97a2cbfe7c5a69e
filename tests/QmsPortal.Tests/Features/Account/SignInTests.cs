using System.Net;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Account;

public sealed class SignInTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_member_sees_only_their_communes_with_their_roles()
    {
        var mine = await portal.CreateCommuneAsync();
        var other = await portal.CreateCommuneAsync();
        var email = await portal.CreateUserAsync(memberships: [(mine, CommuneRole.Approver), (mine, CommuneRole.Staff)]);
        await portal.CreateUserAsync(memberships: [(other, CommuneRole.CommuneAdmin)]);

        var page = await Html.GetDocumentAsync(await portal.SignedInAsync(email), "/tai-khoan");

        var rows = page.QuerySelectorAll("tbody tr");
        var row = Assert.Single(rows);
        Assert.Contains(mine.Name, row.TextContent);
        Assert.Contains("Lãnh đạo phê duyệt", row.TextContent);
        Assert.Contains("Cán bộ, công chức", row.TextContent);
        Assert.DoesNotContain(other.Name, page.Body!.TextContent);
    }

    [Fact]
    public async Task An_empty_form_says_which_fields_are_missing()
    {
        var response = await Html.PostFormAsync(portal.Anonymous(), "/tai-khoan/dang-nhap", new() { ["Input.Email"] = "", ["Input.Password"] = "" });

        var page = await Html.ParseAsync(response);
        Assert.Equal("Vui lòng nhập thư điện tử.", Html.FieldError(page, "Input.Email"));
        Assert.Equal("Vui lòng nhập mật khẩu.", Html.FieldError(page, "Input.Password"));
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        var email = await portal.CreateUserAsync();

        var response = await portal.Anonymous().PostAsync("/tai-khoan/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = PortalFactory.DefaultPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var client = await portal.SignedInAsync(await portal.CreateUserAsync());

        await Html.PostFormAsync(client, "/tai-khoan/dang-xuat", []);
        var response = await client.GetAsync("/tai-khoan");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/tai-khoan/dang-nhap", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_return_url_to_another_site_is_ignored()
    {
        var email = await portal.CreateUserAsync();

        var response = await Html.PostFormAsync(portal.Anonymous(), "/tai-khoan/dang-nhap?returnUrl=https%3A%2F%2Fevil.example%2F",
            new() { ["Input.Email"] = email, ["Input.Password"] = PortalFactory.DefaultPassword });

        Assert.Equal("/tai-khoan", response.Headers.Location!.OriginalString);
    }
}
