using Microsoft.AspNetCore.Html;
using QmsPortal.Web.Search;

namespace QmsPortal.Web.Features.Search;

/// <summary>One result as the pages show it (Features/Search/_Hit.cshtml): the link, and the commune's name on the province search.</summary>
public sealed record HitView(SearchHit Hit, string Url, string? CommuneName = null)
{
    /// <summary>
    /// Text with its matched pieces in <c>&lt;mark&gt;</c>, built piece by piece so no whitespace creeps in between: every
    /// piece is appended as text (HTML-encoded on output); only the mark elements are markup.
    /// </summary>
    public static IHtmlContent Marked(IReadOnlyList<SnippetPart> parts)
    {
        var html = new HtmlContentBuilder();
        foreach (var part in parts)
        {
            if (part.Match)
            {
                html.AppendHtml("<mark>").Append(part.Text).AppendHtml("</mark>");
            }
            else
            {
                html.Append(part.Text);
            }
        }

        return html;
    }
}
