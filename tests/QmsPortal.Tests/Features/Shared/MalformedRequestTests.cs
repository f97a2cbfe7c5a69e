using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Tthc;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Shared;

/// <summary>The hostile requests of the security review, answered with a Vietnamese 400/413 page, a warning, and no write.</summary>
public abstract class MalformedRequestCases(LoggingPortalFactory portal)
{
    public static TheoryData<string> Hostile => new(HostileRequests.All.Select(c => c.Name));

    protected LoggingPortalFactory Portal => portal;

    protected async Task<(TenantInfo Commune, string Code)> PostedProcedureAsync()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "44");
        var code = TthcBuilder.NextCode();
        await portal.ImportAsync("44", TthcBuilder.Procedure(code));
        await portal.PostAsync(commune, true, code);
        return (commune, code);
    }

    protected async Task AssertRefusedAsync(HostileRequests.Case hostile)
    {
        var (commune, code) = await PostedProcedureAsync();
        var client = portal.Anonymous();
        var form = await Html.GetDocumentAsync(client, HostileRequests.FeedbackPath(commune.Slug, code));
        var token = ((IHtmlInputElement)form.QuerySelector("input[name=__qms_af]")!).Value;

        var response = await client.SendAsync(hostile.Request(commune.Slug, token, code));

        Assert.Equal(hostile.Status, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains(hostile.Message, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Set<TthcFeedback>().CountAsync(), commune));
        var path = hostile.LoggedPath(commune.Slug, code);
        Assert.Contains(portal.Log.Lines, l => l is { Level: LogLevel.Warning, Category: var c } && c.EndsWith("RequestInputGuard", StringComparison.Ordinal)
            && l.Message.Contains(path + " ", StringComparison.Ordinal));
        Assert.DoesNotContain(portal.Log.Lines, l => l.Message.Contains("ghi sai", StringComparison.Ordinal));
        Assert.DoesNotContain(portal.Log.Lines, l => l.Level >= LogLevel.Error && l.Message.Contains(commune.Slug, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public Task A_hostile_request_gets_a_Vietnamese_error_page_and_a_logged_warning_and_writes_nothing(string name) =>
        AssertRefusedAsync(HostileRequests.All.Single(c => c.Name == name));

    [Fact]
    public async Task Tabs_and_line_breaks_in_a_field_are_ordinary_text_and_the_report_is_stored()
    {
        var (commune, code) = await PostedProcedureAsync();

        var response = await Html.PostFormAsync(portal.Anonymous(), HostileRequests.FeedbackPath(commune.Slug, code),
            new() { ["Input.Message"] = "Dòng một của phản ánh.\r\nDòng hai\tcó tab." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Browsers send CR LF line ends (HTML's form encoding); they are stored as LF like every other text.
        Assert.Equal("Dòng một của phản ánh.\nDòng hai\tcó tab.",
            await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Set<TthcFeedback>().Select(f => f.Message).SingleAsync(), commune));
    }
}

public sealed class MalformedRequestTests(LoggingPortalFactory portal) : MalformedRequestCases(portal), IClassFixture<LoggingPortalFactory>;

/// <summary>The same requests through a real Kestrel server, which also enforces request body size limits.</summary>
public sealed class MalformedRequestOverKestrelTests(KestrelPortalFactory portal) : MalformedRequestCases(portal), IClassFixture<KestrelPortalFactory>
{
    [Fact]
    public Task A_body_over_the_server_limit_gets_413_with_a_Vietnamese_page() => AssertRefusedAsync(HostileRequests.OversizedBody);

    [Fact]
    public async Task A_file_over_the_page_own_size_limit_gets_413_before_the_page_reads_it()
    {
        var admin = await Portal.CreateUserAsync(platformRole: PlatformRoles.PlatformAdmin);
        var client = await Portal.SignedInAsync(admin);
        var page = await Html.GetDocumentAsync(client, "/quan-tri/danh-muc-tthc?province=44");
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(((IHtmlInputElement)page.QuerySelector("input[name=__qms_af]")!).Value), "__qms_af");
        content.Add(new ByteArrayContent(new byte[TthcFormFile.MaxBytes + 200 * 1024]), "file", "to-khai.pdf");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/quan-tri/danh-muc-tthc?province=44&handler=Form") { Content = content };
        request.Headers.ExpectContinue = true;

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("lớn quá giới hạn", (await Html.ParseAsync(response)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Portal.Log.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("/quan-tri/danh-muc-tthc ", StringComparison.Ordinal));
        Assert.Equal(0, await Portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Set<TthcFormFile>().CountAsync()));
    }
}
