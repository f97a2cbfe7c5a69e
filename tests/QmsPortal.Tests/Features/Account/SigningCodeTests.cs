using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using QmsPortal.Tests.Features.Documents;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Documents;
using QmsPortal.Web.Features.Documents.Signatures;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Account;

/// <summary>One-time codes for signing: set-up at /tai-khoan/ma-ky-so, signing with a code, replay refused, turning it off.</summary>
public sealed class SigningCodeTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Page = "/tai-khoan/ma-ky-so";

    private string CodeNow(string shownKey) =>
        new Totp(Base32Encoding.ToBytes(shownKey.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant())).ComputeTotp(portal.Clock.GetUtcNow().UtcDateTime);

    private Task<PortalUser> UserAsync(string email) =>
        portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Users.AsNoTracking().SingleAsync(u => u.Email == email));

    private async Task<(TenantInfo Commune, string Email, HttpClient Client, string Key)> EnabledApproverAsync()
    {
        var commune = await portal.CreateCommuneAsync();
        var email = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Approver)], fullName: "Trần Văn Chính");
        var client = await portal.SignedInAsync(email);
        var key = (await Html.GetDocumentAsync(client, Page)).QuerySelector("#khoa")!.TextContent;
        Assert.Equal(HttpStatusCode.Redirect, (await Html.PostFormAsync(client, Page, new() { ["code"] = CodeNow(key) }, "Enable")).StatusCode);
        return (commune, email, client, key);
    }

    [Fact]
    public async Task Set_up_shows_a_key_and_QR_code_and_is_confirmed_only_by_a_correct_first_code()
    {
        var email = await portal.CreateUserAsync();
        var client = await portal.SignedInAsync(email);
        var page = await Html.GetDocumentAsync(client, Page);
        var key = page.QuerySelector("#khoa")!.TextContent;
        Assert.Matches("^([a-z2-7]{4} ){7}[a-z2-7]{4}$", key);
        Assert.StartsWith("data:image/png;base64,", page.QuerySelector("#ma-qr")!.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Equal(key, (await Html.GetDocumentAsync(client, Page)).QuerySelector("#khoa")!.TextContent);

        var wrongCode = ((int.Parse(CodeNow(key), CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("000000", CultureInfo.InvariantCulture);
        var wrong = await Html.PostFormAsync(client, Page, new() { ["code"] = wrongCode }, "Enable");
        Assert.Contains("Mã xác thực không đúng", Html.FieldError(await Html.ParseAsync(wrong), "code") ?? "", StringComparison.Ordinal);
        Assert.False((await UserAsync(email)).SigningCodeEnabled);

        Assert.Equal(HttpStatusCode.Redirect, (await Html.PostFormAsync(client, Page, new() { ["code"] = CodeNow(key) }, "Enable")).StatusCode);
        var user = await UserAsync(email);
        Assert.True(user.SigningCodeEnabled);
        Assert.Equal(portal.Clock.GetUtcNow().ToUnixTimeSeconds() / 30, user.LastSigningCodeStep);
        Assert.NotNull((await Html.GetDocumentAsync(client, Page)).QuerySelector("#dang-bat"));
        Assert.Contains("(đang bật)", (await Html.GetDocumentAsync(client, "/tai-khoan")).QuerySelector("#lien-ket-ma-ky-so")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_code_set_up_signing_asks_for_a_code_refuses_the_password_and_a_replayed_code_and_accepts_a_fresh_one()
    {
        var (commune, _, client, key) = await EnabledApproverAsync();
        var secretary = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary)]);
        var first = await DocumentSeed.CreateAsync(portal, commune, "QT-50", RevisionStatus.InReview, secretary);
        var second = await DocumentSeed.CreateAsync(portal, commune, "QT-51", RevisionStatus.InReview, secretary);
        var doc = $"/{commune.Slug}/tai-lieu/{first}";

        var form = (await Html.GetDocumentAsync(client, doc)).QuerySelector("#ky-phe-duyet")!;
        Assert.NotNull(form.QuerySelector("input[name=code][autocomplete=one-time-code]"));
        Assert.Null(form.QuerySelector("input[name=password]"));

        await DocumentSeed.PostHandlerAsync(client, doc, "Approve", new() { ["revision"] = await RevisionAsync(commune, first), ["password"] = PortalFactory.DefaultPassword });
        Assert.Contains("Vui lòng nhập mã xác thực", await AlertAsync(client, doc), StringComparison.Ordinal);

        // The code that confirmed the set-up was spent then: the same time step is never accepted twice.
        await Html.PostFormAsync(client, doc, new() { ["code"] = CodeNow(key) }, "Approve");
        Assert.Contains("đã được dùng", await AlertAsync(client, doc), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(commune));

        portal.Clock.Advance(TimeSpan.FromSeconds(30));
        var fresh = CodeNow(key);
        await Html.PostFormAsync(client, doc, new() { ["code"] = fresh }, "Approve");
        var signature = Assert.Single(await DocumentSeed.ReadAsync(portal, commune, db => db.Set<DocumentSignature>().ToListAsync()));
        Assert.Equal((first, ReauthenticationMethod.OneTimeCode), (signature.DocumentId, signature.Method));
        Assert.Contains("mã xác thực một lần", (await Html.GetDocumentAsync(client, doc)).QuerySelector("#chu-ky")!.TextContent, StringComparison.Ordinal);

        var otherDoc = $"/{commune.Slug}/tai-lieu/{second}";
        await Html.PostFormAsync(client, otherDoc, new() { ["code"] = fresh }, "Approve");
        Assert.Contains("đã được dùng", await AlertAsync(client, otherDoc), StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(commune));
    }

    [Fact]
    public async Task Turning_codes_off_needs_the_password_replaces_the_key_and_signing_asks_for_the_password_again()
    {
        var (commune, email, client, key) = await EnabledApproverAsync();

        var wrong = await Html.PostFormAsync(client, Page, new() { ["password"] = "Sai@mat-khau1" }, "Disable");
        Assert.Contains("Mật khẩu không đúng", Html.FieldError(await Html.ParseAsync(wrong), "password") ?? "", StringComparison.Ordinal);
        Assert.True((await UserAsync(email)).SigningCodeEnabled);

        Assert.Equal(HttpStatusCode.Redirect, (await Html.PostFormAsync(client, Page, new() { ["password"] = PortalFactory.DefaultPassword }, "Disable")).StatusCode);
        var user = await UserAsync(email);
        Assert.False(user.SigningCodeEnabled);
        Assert.Null(user.LastSigningCodeStep);
        Assert.NotEqual(key, (await Html.GetDocumentAsync(client, Page)).QuerySelector("#khoa")!.TextContent);

        var secretary = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary)]);
        var id = await DocumentSeed.CreateAsync(portal, commune, "QT-52", RevisionStatus.InReview, secretary);
        var form = (await Html.GetDocumentAsync(client, $"/{commune.Slug}/tai-lieu/{id}")).QuerySelector("#ky-phe-duyet")!;
        Assert.NotNull(form.QuerySelector("input[name=password][type=password]"));
        Assert.Null(form.QuerySelector("input[name=code]"));
    }

    [Fact]
    public async Task The_set_up_page_needs_a_signed_in_user()
    {
        var response = await portal.Anonymous().GetAsync(Page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/tai-khoan/dang-nhap", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    private async Task<string> RevisionAsync(TenantInfo commune, int documentId) =>
        (await DocumentSeed.RevisionIdAsync(portal, commune, documentId, 1)).ToString(CultureInfo.InvariantCulture);

    private Task<int> CountAsync(TenantInfo commune) => DocumentSeed.ReadAsync(portal, commune, db => db.Set<DocumentSignature>().CountAsync());

    private static async Task<string> AlertAsync(HttpClient client, string url) =>
        (await Html.GetDocumentAsync(client, url)).QuerySelector(".alert-error[role=alert]")?.TextContent ?? "";
}
