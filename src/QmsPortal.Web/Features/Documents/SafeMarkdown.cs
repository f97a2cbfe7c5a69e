using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace QmsPortal.Web.Features.Documents;

/// <summary>
/// Renders document bodies. Raw HTML is off (it is written out as text), tables are on, and only
/// http(s), mailto and in-page/site-relative links survive: any other link (javascript:, data:, vbscript:…)
/// is replaced by its text and such images are dropped, so a body can never run script.
/// </summary>
public static partial class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseGridTables()
        .UseAutoIdentifiers()
        .DisableHtml()
        .Build();

    public static HtmlString Render(string? markdown)
    {
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (!IsSafe(link.Url))
            {
                Neutralise(link);
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!IsSafe(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }

        // Theme vocabulary: tables in a body look like every other table of the portal, on screen and in print.
        foreach (var table in document.Descendants<Table>())
        {
            table.GetAttributes().AddClass("table");
        }

        using var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return new HtmlString(WrapTables(writer.ToString()));
    }

    /// <summary>
    /// A wide table scrolls inside its own keyboard-reachable box instead of widening a phone's page (theme vocabulary
    /// <c>.table-wrap</c>). Raw HTML is off, so every <c>&lt;table</c> in the output is one Markdig wrote.
    /// </summary>
    private static string WrapTables(string html)
    {
        var n = 0;
        return html.Contains("<table", StringComparison.Ordinal)
            ? TableStart().Replace(html, _ => $"<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Bảng {++n} trong nội dung\"><table")
                .Replace("</table>", "</table></div>", StringComparison.Ordinal)
            : html;
    }

    [GeneratedRegex("<table(?=[ >])")]
    private static partial Regex TableStart();

    /// <summary>http(s), mailto, "#anchor" and "/path" only; everything else (including "//host") is refused.</summary>
    public static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }

        // Browsers ignore control characters and spaces inside a scheme ("java\tscript:"), so judge the URL without them.
        var compact = new string(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        if (compact.StartsWith('#') || (compact.StartsWith('/') && !compact.StartsWith("//", StringComparison.Ordinal) && !compact.StartsWith("/\\", StringComparison.Ordinal)))
        {
            return true;
        }

        return compact.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || compact.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || compact.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);
    }

    private static void Neutralise(LinkInline link)
    {
        if (link.IsImage)
        {
            link.ReplaceBy(new LiteralInline(string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()))));
            return;
        }

        var child = link.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            link.InsertBefore(child);
            child = next;
        }

        link.Remove();
    }
}
