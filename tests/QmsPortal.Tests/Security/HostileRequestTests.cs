using System.Net;
using System.Text.RegularExpressions;
using QmsPortal.Tests.Support;

namespace QmsPortal.Tests.Security;

/// <summary>One real portal process (Production settings, Kestrel) shared by the hostile-request tests of a class.</summary>
public sealed class RealPortal : IAsyncLifetime
{
    public const string AdminPassword = "Quan@Tri2026x";

    public PortalProcess Process { get; private set; } = null!;

    public const string CommuneSlug = "xa-that";

    public string AdminEmail { get; } = PortalFactory.UniqueEmail("quantri");

    public async Task InitializeAsync()
    {
        Process = await PortalProcess.StartAsync();
        var admin = await PortalProcess.RunVerbAsync(Process.Database, ["admin", "create", "--email", AdminEmail, "--name", "Quản Trị Thật", "--password", AdminPassword]);
        Assert.True(admin.ExitCode == 0, admin.Error);
        var commune = await PortalProcess.RunVerbAsync(Process.Database,
            ["tenant", "create", "--slug", CommuneSlug, "--name", "Xã Thật", "--code", "18999", "--province", "44", "--recipe", "commune-starter"]);
        Assert.True(commune.ExitCode == 0, commune.Error);
    }

    public async Task DisposeAsync() => await Process.DisposeAsync();
}

/// <summary>
/// Review of issue 7 against a real process: a forged Host header never reaches a link in mail (finding 1); hostile
/// form input is answered 400 in Vietnamese and logged (finding 7).
/// </summary>
public sealed partial class HostileRequestTests(RealPortal portal) : IClassFixture<RealPortal>
{
    private PortalProcess Process => portal.Process;

    private static async Task<HttpResponseMessage> ForgotPasswordAsync(HttpClient client, string email, string? host)
    {
        var form = await Html.GetDocumentAsync(client, "/tai-khoan/quen-mat-khau");
        var token = form.QuerySelector("main form input[name=__qms_af]")!.GetAttribute("value")!;
        var request = PortalProcess.Request(HttpMethod.Post, "/tai-khoan/quen-mat-khau", host);
        request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__qms_af"] = token, ["Input.Email"] = email });
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_password_reset_asked_with_a_forged_Host_header_is_refused_and_mail_links_use_the_configured_address()
    {
        using var client = Process.CreateClient();

        var forged = await ForgotPasswordAsync(client, portal.AdminEmail, host: "evil.example");
        var viaLocalhost = await ForgotPasswordAsync(client, portal.AdminEmail, host: $"localhost:{Process.Port}");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("Tên miền không thuộc cổng", (await Html.ParseAsync(forged)).QuerySelector("h1")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, viaLocalhost.StatusCode);
        Assert.True(await Process.WaitForOutputAsync("unknown host evil.example", TimeSpan.FromSeconds(5)), "The refusal was not logged.");

        var mail = Assert.Single(await MailSink.ForAsync(portal.AdminEmail));
        var link = ResetLink().Match(mail.Body).Value;
        Assert.StartsWith($"{Process.BaseAddress}tai-khoan/dat-lai-mat-khau?", link);
        Assert.DoesNotContain("evil.example", mail.Body);

        var set = await Html.PostFormAsync(client, new Uri(link).PathAndQuery, new() { ["Input.Password"] = "MatKhau@Moi2026", ["Input.ConfirmPassword"] = "MatKhau@Moi2026" });
        Assert.Equal("/tai-khoan/dang-nhap", set.Headers.Location!.OriginalString);
    }

    public static TheoryData<string> Hostile => new(HostileRequests.All.Append(HostileRequests.OversizedBody).Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Hostile_input_gets_a_logged_Vietnamese_refusal_and_writes_nothing(string name)
    {
        var hostile = HostileRequests.All.Append(HostileRequests.OversizedBody).Single(c => c.Name == name);
        using var client = Process.CreateClient();
        client.BaseAddress = Process.BaseAddress;
        client.Timeout = TimeSpan.FromMinutes(2);

        var response = await client.SendAsync(hostile.Request(RealPortal.CommuneSlug));

        Assert.Equal(hostile.Status, response.StatusCode);
        Assert.Contains(hostile.Message, (await Html.ParseAsync(response)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var path = hostile.LoggedPath(RealPortal.CommuneSlug);
        Assert.True(await Process.WaitForOutputAsync(path + " ", TimeSpan.FromSeconds(5)), $"No warning names {path}:\n{Process.Output}");
        Assert.Equal(0L, Convert.ToInt64(await Process.Database.ScalarAsync("SELECT COUNT(*) FROM \"TthcFeedback\""), System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(Process.Output.Contains("fail:", StringComparison.Ordinal), Process.Output);
    }

    [GeneratedRegex(@"https?://\S+/tai-khoan/dat-lai-mat-khau\?\S+")]
    private static partial Regex ResetLink();
}
