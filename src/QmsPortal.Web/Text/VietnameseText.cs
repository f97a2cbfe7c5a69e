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
