using System.Globalization;
using System.Text;

namespace QmsPortal.Web.Text;

/// <summary>
/// Vietnamese text rules shared by storage, search and URLs: NFC before anything is stored or compared
/// (text pasted from Word or PDF mixes composed and decomposed forms), and accent folding that also maps
/// đ/Đ, which Unicode does not decompose.
/// </summary>
public static class VietnameseText
{
    public static string Normalize(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);

    /// <summary>
    /// Lower-case, accent-free form of NFC text, one output char per input char so offsets found in the
    /// folded text point at the same place in the original (used for highlighting).
    /// </summary>
    public static string Fold(string? text)
    {
        var nfc = Normalize(text);
        var result = new StringBuilder(nfc.Length);
        foreach (var c in nfc)
        {
            result.Append(FoldChar(c));
        }

        return result.ToString();
    }

    public static char FoldChar(char c)
    {
        if (c is 'đ' or 'Đ')
        {
            return 'd';
        }

        if (c < 128)
        {
            return char.ToLowerInvariant(c);
        }

        // Half of a surrogate pair (an emoji) cannot be normalised alone, and has no accent to fold.
        if (char.IsSurrogate(c))
        {
            return c;
        }

        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        foreach (var d in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
            {
                return char.ToLowerInvariant(d);
            }
        }

        return char.ToLowerInvariant(c);
    }

    /// <summary>
    /// The forgiving form used by simple filters: folded, i and y made equal ("ký"/"kí", "Kỳ"/"Kì" are both
    /// written), and everything but letters and digits dropped, so syllables typed together ("khaisinh")
    /// and punctuation ("1.001193" / "1001193") do not matter.
    /// </summary>
    public static string Loose(string? text)
    {
        var folded = Fold(text);
        var result = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                result.Append(c == 'y' ? 'i' : c);
            }
        }

        return result.ToString();
    }

    /// <summary>
    /// The query's loose words, each to be found in the loose form of a text (see <see cref="LooseMatches"/>).
    /// Empty when the query holds no letter or digit.
    /// </summary>
    public static string[] LooseWords(string? query) =>
        Normalize(query).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(Loose).Where(w => w.Length > 0).ToArray();

    /// <summary>
    /// True when every word of the query occurs in the text, ignoring tone marks, đ, case, i/y and the
    /// spaces between syllables: "dang ki khai sinh", "khaisinh" and "ĐĂNG KÝ KHAI SINH" all match
    /// "Đăng ký khai sinh". An empty query matches everything.
    /// </summary>
    public static bool LooseMatches(string? text, string? query) => LooseMatches(Loose(text), LooseWords(query));

    /// <summary>Same as <see cref="LooseMatches(string?, string?)"/> with both sides already loose (filters over many rows).</summary>
    public static bool LooseMatches(string looseText, IReadOnlyCollection<string> looseWords) =>
        looseWords.All(w => looseText.Contains(w, StringComparison.Ordinal));

    /// <summary>"Xã Kỳ Đồng" → "xa-ky-dong"; used to suggest slugs.</summary>
    public static string Slugify(string? text)
    {
        var folded = Fold(text);
        var result = new StringBuilder(folded.Length);
        var dash = false;
        foreach (var c in folded)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                result.Append(c);
                dash = false;
            }
            else if (!dash && result.Length > 0)
            {
                result.Append('-');
                dash = true;
            }
        }

        return result.ToString().TrimEnd('-');
    }
}
