using System.Globalization;

namespace QmsPortal.Web.Search.Analysis;

public static class VietnameseWords
{
    /// <summary>
    /// The words of text: maximal runs of letters (with their combining marks) and digits, as (start, length) in the
    /// text itself, so highlighting can cut the original. Punctuation, spaces and symbols separate words
    /// ("1.001193" → "1", "001193"; "NĐ-CP" → "NĐ", "CP"): codes are then found by their parts, and a query typed
    /// with other punctuation still matches. Combining marks stay inside their word, so decomposed (NFD) text pasted
    /// from a PDF gives the same words as composed text; a surrogate pair is never cut.
    /// </summary>
    public static IEnumerable<(int Start, int Length)> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SplitIterator(text);
    }

    private static IEnumerable<(int Start, int Length)> SplitIterator(string text)
    {
        var start = -1;
        var i = 0;
        while (i < text.Length)
        {
            var width = char.IsSurrogatePair(text, i) ? 2 : 1;
            if (IsWordChar(text, i, inWord: start >= 0))
            {
                if (start < 0)
                {
                    start = i;
                }
            }
            else if (start >= 0)
            {
                yield return (start, i - start);
                start = -1;
            }

            i += width;
        }

        if (start >= 0)
        {
            yield return (start, text.Length - start);
        }
    }

    private static bool IsWordChar(string text, int index, bool inWord)
    {
        var c = text[index];
        if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9')
        {
            return true;
        }

        if (c < 128)
        {
            return false;
        }

        return CharUnicodeInfo.GetUnicodeCategory(text, index) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber => true,

            // A mark belongs to the letter before it; a stray one after a space is not a word of its own.
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => inWord,
            _ => false,
        };
    }
}
