using Microsoft.Playwright;
using QmsPortal.Tests.Support;

namespace QmsPortal.Tests.Browser.Features.Tthc;

public sealed class ChecklistPrintTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task Checklist_prints_on_A4_with_a_visible_qr_code_and_no_navigation()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "44");
        var code = TthcBuilder.NextCode();
        await portal.ImportAsync("44", TthcBuilder.Procedure(code));
        await portal.PostAsync(commune, true, code);
        var page = await portal.NewPageAsync(width: 1280, height: 900);
        await page.GotoAsync($"{portal.BaseUrl}/{commune.Slug}/thu-tuc/{code}/in-giay-to");

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        Assert.False(await page.Locator("nav.site-nav").IsVisibleAsync());
        var qr = page.Locator(".tthc-qr img");
        Assert.True(await qr.IsVisibleAsync());
        Assert.True(await qr.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0") > 50);
        var box = await qr.BoundingBoxAsync();
        Assert.True(box is { Width: > 60, Height: > 60 });
        Assert.Equal(3, await page.Locator("ul.checklist li").CountAsync());
        Assert.Equal($"{portal.BaseUrl}/{commune.Slug}/thu-tuc/{code}", await page.Locator(".tthc-qr figcaption").InnerTextAsync());
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PreferCSSPageSize = true });
        Assert.True(pdf.Length > 1000);
        // One A4 sheet: a PDF with a single page object.
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(text, @"/Type\s*/Page[^s]"));
    }
}
