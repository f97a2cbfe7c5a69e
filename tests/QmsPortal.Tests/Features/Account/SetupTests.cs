using System.Net;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Features.Account;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Account;

/// <summary>A production start: no communes, no known passwords, and a one-time page for the first administrator.</summary>
public sealed class SetupTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_first_platform_admin_is_created_once_with_the_console_token()
    {
        var token = portal.Services.GetRequiredService<SetupToken>().Value;
        Assert.Equal("[]", await portal.Anonymous().GetStringAsync("/api/tenants"));
        Assert.Equal(HttpStatusCode.NotFound, (await portal.Anonymous().GetAsync("/setup?token=sai")).StatusCode);

        var mismatch = await Html.PostFormAsync(portal.Anonymous(), "/setup?token=" + token, new()
        {
            ["Input.Email"] = "dau.tien@thu.vn", ["Input.FullName"] = "Người Đầu Tiên", ["Input.Password"] = "MatKhau@2025a", ["Input.ConfirmPassword"] = "khac",
        });
        Assert.Equal("Mật khẩu nhập lại không khớp.", Html.FieldError(await Html.ParseAsync(mismatch), "Input.ConfirmPassword"));

        var created = await Html.PostFormAsync(portal.Anonymous(), "/setup?token=" + token, new()
        {
            ["Input.Email"] = "dau.tien@thu.vn", ["Input.FullName"] = "Người Đầu Tiên", ["Input.Password"] = "MatKhau@2025a", ["Input.ConfirmPassword"] = "MatKhau@2025a",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var account = await Html.GetDocumentAsync(await portal.SignedInAsync("dau.tien@thu.vn", "MatKhau@2025a"), "/tai-khoan");
        Assert.Contains(CommuneRoleLabels.PlatformLabel(PlatformRoles.PlatformAdmin), account.Body!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.Anonymous().GetAsync("/setup?token=" + token)).StatusCode);
    }
}
