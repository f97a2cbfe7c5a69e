using System.Text.Json;
using QmsPortal.Tests.Support;

namespace QmsPortal.Tests.Browser.Features;

/// <summary>axe-core's WCAG rules run in Chromium on the pages citizens and staff meet first.</summary>
public sealed class AccessibilityTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private static string AxeScript => Environment.GetEnvironmentVariable("QMS_AXE_SCRIPT") is { } path && File.Exists(path)
        ? path
        : throw new InvalidOperationException("QMS_AXE_SCRIPT must point to axe.min.js: run the tests with build/test.sh, which installs axe-core.");

    [Theory]
    [InlineData("/")]
    [InlineData("/{slug}")]
    [InlineData("/tai-khoan/dang-nhap")]
    [InlineData("/xa-khong-ton-tai")]
    public async Task Public_pages_have_no_serious_accessibility_violations(string path)
    {
        var commune = await portal.CreateCommuneAsync(recipes: ["commune-starter"]);
        var page = await portal.NewPageAsync(bypassCsp: true);
        await page.GotoAsync(portal.BaseUrl + path.Replace("{slug}", commune.Slug, StringComparison.Ordinal));

        await page.AddScriptTagAsync(new() { Path = AxeScript });
        var result = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] })).violations" +
            ".filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))");

        Assert.Empty(result.EnumerateArray().Select(v => v.GetString()));
    }
}
