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
        Assert.Equal(1, PdfPages(await page.PdfAsync(new PagePdfOptions { Format = "A4", PreferCSSPageSize = true })));
    }

    [Fact]
    public async Task Birth_registration_checklist_prints_an_empty_box_before_every_paper_on_one_A4_sheet()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "44", recipes: ["commune-starter"]);
        var page = await portal.NewPageAsync(width: 360, height: 740, javaScript: false);
        await page.GotoAsync($"{portal.BaseUrl}/{commune.Slug}/thu-tuc/1.001193/in-giay-to");

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        var items = page.Locator("ul.checklist > li");
        Assert.Equal(15, await items.CountAsync());
        for (var i = 0; i < 15; i++)
        {
            // An empty square with a dark border before the paper's name, as printed (the theme's ::before box).
            var square = await items.Nth(i).EvaluateAsync<double[]>("""
                li => {
                  const s = getComputedStyle(li, '::before');
                  const name = li.querySelector('.tthc-paper').getBoundingClientRect();
                  const box = li.getBoundingClientRect();
                  return [s.content === '""' ? 1 : 0, parseFloat(s.width), parseFloat(s.height), parseFloat(s.borderTopWidth),
                          parseFloat(s.borderLeftWidth), box.left + parseFloat(s.left) + parseFloat(s.width), name.left];
                }
                """);
            Assert.Equal(1, square[0]);
            Assert.InRange(square[1], 8, 24);
            Assert.InRange(Math.Abs(square[1] - square[2]), 0, 0.5);
            Assert.True(square[3] > 0 && square[4] > 0, "the square has a border that prints");
            Assert.True(square[5] <= square[6], "the square stands before the paper's name");
        }

        Assert.Equal(1, PdfPages(await page.PdfAsync(new PagePdfOptions { Format = "A4", PreferCSSPageSize = true })));
    }

    /// <summary>Page objects in a PDF Chromium printed (one per sheet).</summary>
    private static int PdfPages(byte[] pdf)
    {
        Assert.True(pdf.Length > 1000);
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        return System.Text.RegularExpressions.Regex.Count(text, @"/Type\s*/Page[^s]");
    }
}
