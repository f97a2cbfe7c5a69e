using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Features.Account;

namespace QmsPortal.Tests.Features.Account;

/// <summary>
/// Guessing is slowed per client and per address instead of by a lockout a stranger could trigger, and nothing in the
/// answer — words, limits or timing — tells whether an address has an account (security review, finding 5).
/// </summary>
public sealed class SignInLimitsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static int _client;

    /// <summary>A client with its own address (TEST-NET-3), holding the sign-in form's antiforgery token.</summary>
    private async Task<(HttpClient Client, string Token)> NewClientAsync()
    {
        var client = portal.Anonymous();
        client.DefaultRequestHeaders.Add(PortalFactory.ClientAddressHeader, $"203.0.113.{Interlocked.Increment(ref _client) % 250 + 1}");
        var token = (await Html.GetDocumentAsync(client, "/tai-khoan/dang-nhap")).QuerySelector("main form input[name=__qms_af]")!.GetAttribute("value")!;
        return (client, token);
    }

    private static Task<HttpResponseMessage> SignInAsync((HttpClient Client, string Token) from, string email, string password) =>
        from.Client.PostAsync("/tai-khoan/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__qms_af"] = from.Token, ["Input.Email"] = email, ["Input.Password"] = password,
        }));

    private static async Task<string> AlertAsync(HttpResponseMessage response) =>
        (await Html.ParseAsync(response)).QuerySelector("[role=alert]")!.TextContent.Trim();

    [Fact]
    public async Task Repeated_failures_are_limited_with_the_same_words_for_real_and_unknown_addresses()
    {
        var real = await portal.CreateUserAsync();
        var unknown = PortalFactory.UniqueEmail("khongco");
        var client = await NewClientAsync();

        var first = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            first.Add(await AlertAsync(await SignInAsync(client, real, "SaiMatKhau1")));
            first.Add(await AlertAsync(await SignInAsync(client, unknown, "SaiMatKhau1")));
        }

        var realLimited = await AlertAsync(await SignInAsync(client, real, "SaiMatKhau1"));
        var unknownLimited = await AlertAsync(await SignInAsync(client, unknown, "SaiMatKhau1"));
        var rightPasswordTooLate = await SignInAsync(client, real, PortalFactory.DefaultPassword);

        Assert.All(first, text => Assert.Equal(LoginModel.WrongCredentials, text));
        Assert.Equal(LoginModel.TooManyFailures, realLimited);
        Assert.Equal(realLimited, unknownLimited);
        Assert.Equal(HttpStatusCode.OK, rightPasswordTooLate.StatusCode);
        Assert.Equal(LoginModel.TooManyFailures, await AlertAsync(rightPasswordTooLate));
    }

    [Fact]
    public async Task A_strangers_failures_do_not_lock_the_owner_out()
    {
        var owner = await portal.CreateUserAsync();
        var stranger = await NewClientAsync();
        for (var i = 0; i < 12; i++)
        {
            await SignInAsync(stranger, owner, "DoanMatKhau" + i);
        }

        var response = await SignInAsync(await NewClientAsync(), owner, PortalFactory.DefaultPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/tai-khoan", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_address_take_about_as_long()
    {
        // Interleaved so a busy moment of the machine hits both sides alike; the old code answered unknown
        // addresses about ten times faster (no password hash to check).
        var known = new List<double>();
        var unknown = new List<double>();
        var real = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            real.Add(await portal.CreateUserAsync());
        }

        await SignInAsync(await NewClientAsync(), real[0], "KhoiDong1");
        for (var i = 0; i < 7; i++)
        {
            var client = await NewClientAsync();
            var watch = Stopwatch.StartNew();
            var wrong = await SignInAsync(client, real[i], "SaiMatKhau1");
            known.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            var nobody = await SignInAsync(client, PortalFactory.UniqueEmail("khongco"), "SaiMatKhau1");
            unknown.Add(watch.Elapsed.TotalMilliseconds);
            Assert.Equal(await AlertAsync(wrong), await AlertAsync(nobody));
        }

        static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
        var ratio = Median(unknown) / Median(known);
        Assert.True(ratio > 0.5, $"unknown address median {Median(unknown):0} ms, wrong password median {Median(known):0} ms");
    }

    [Fact]
    public async Task Account_forms_are_limited_per_client_with_a_Vietnamese_page_and_reading_them_stays_free()
    {
        await using var strict = portal.WithWebHostBuilder(b => b.UseSetting("SignIn:FormPostsPerClientPerMinute", "3"));
        HttpClient Client(string address)
        {
            var client = strict.CreateClient(new() { AllowAutoRedirect = false });
            client.DefaultRequestHeaders.Add(PortalFactory.ClientAddressHeader, address);
            return client;
        }

        var busy = Client("198.51.100.7");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await Html.PostFormAsync(busy, "/tai-khoan/quen-mat-khau", new() { ["Input.Email"] = PortalFactory.UniqueEmail() })).StatusCode);
        }

        var refused = await Html.PostFormAsync(busy, "/tai-khoan/quen-mat-khau", new() { ["Input.Email"] = PortalFactory.UniqueEmail() });
        var other = await Html.PostFormAsync(Client("198.51.100.8"), "/tai-khoan/quen-mat-khau", new() { ["Input.Email"] = PortalFactory.UniqueEmail() });

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("Quá nhiều yêu cầu", (await Html.ParseAsync(refused)).QuerySelector("h1")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/tai-khoan/quen-mat-khau")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_forwarded_client_has_its_own_limit_and_others_cannot_forge_one()
    {
        await using var proxied = portal.WithWebHostBuilder(b =>
        {
            b.UseSetting("SignIn:FormPostsPerClientPerMinute", "2");
            b.UseSetting("Portal:TrustedProxies:0", "192.0.2.10");
        });
        HttpClient Client(string address, string forwardedFor)
        {
            var client = proxied.CreateClient(new() { AllowAutoRedirect = false });
            client.DefaultRequestHeaders.Add(PortalFactory.ClientAddressHeader, address);
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
            return client;
        }

        async Task<HttpStatusCode> PostAsync(HttpClient client) =>
            (await Html.PostFormAsync(client, "/tai-khoan/quen-mat-khau", new() { ["Input.Email"] = PortalFactory.UniqueEmail() })).StatusCode;

        var first = Client("192.0.2.10", "203.0.113.50");
        var firstCitizen = new[] { await PostAsync(first), await PostAsync(first), await PostAsync(first) };
        var secondCitizen = await PostAsync(Client("192.0.2.10", "203.0.113.51"));
        var forger = Client("192.0.2.99", "203.0.113.60");
        var forged = new[] { await PostAsync(forger), await PostAsync(forger), await PostAsync(Client("192.0.2.99", "203.0.113.61")) };

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], firstCitizen);
        Assert.Equal(HttpStatusCode.OK, secondCitizen);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], forged);
    }
}
