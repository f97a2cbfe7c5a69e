using System.Globalization;
using QmsPortal.Web.Search;

namespace QmsPortal.Web.Features.Search;

/// <summary>
/// What a person typed, made safe to hand to the index: trimmed, cut to <see cref="SearchRequest.MaxTextLength"/>
/// (never in the middle of a surrogate pair) and without control characters. Lucene syntax is left in: the index
/// reads the text as words, never as a query language, so <c>tenant:*</c> is two odd words, not a filter.
/// </summary>
public static class SearchInput
{
    public const int PageSize = 20;

    /// <summary>Deep pages cost the index more and no one reads them; the last page offered is this one.</summary>
    public const int MaxPage = 50;

    public static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var cleaned = new string([.. text.Select(c => char.IsControl(c) ? ' ' : c)]).Trim();
        if (cleaned.Length > SearchRequest.MaxTextLength)
        {
            var cut = SearchRequest.MaxTextLength;
            if (char.IsHighSurrogate(cleaned[cut - 1]))
            {
                cut--;
            }

            cleaned = cleaned[..cut].TrimEnd();
        }

        return cleaned;
    }

    /// <summary>A page number from the query string: null when it is not a whole number from 1 up.</summary>
    public static int? ParsePage(string? page)
    {
        if (string.IsNullOrEmpty(page))
        {
            return 1;
        }

        return int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 ? n : null;
    }

    /// <summary>"12 kết quả", with the Vietnamese thousands separator.</summary>
    public static string Count(int total) => total.ToString("#,0", QmsPortal.Web.Text.VietnameseFormat.Culture) + " kết quả";

    /// <summary>The query string of a search page link: q, then loai and trang only when they are not the defaults.</summary>
    public static string QueryString(string text, string? kind, int page)
    {
        var parts = new List<KeyValuePair<string, string?>> { new("q", text) };
        if (kind is not null)
        {
            parts.Add(new("loai", kind));
        }

        if (page > 1)
        {
            parts.Add(new("trang", page.ToString(CultureInfo.InvariantCulture)));
        }

        return Microsoft.AspNetCore.Http.QueryString.Create(parts).ToUriComponent();
    }
}
