using System.Text.RegularExpressions;

namespace QmsPortal.Web.Text;

/// <summary>
/// Finds Vietnamese telephone numbers in free text ("Quầy số 1, ĐT 0232 3000 000") so pages can make them
/// <c>tel:</c> links a citizen taps to call. Recognised: numbers starting 0, +84, (0xxx) or the 1800/1900 service
/// prefixes, with spaces, dots or hyphens between digits, 8 to 12 digits in all. Amounts ("20.000.000 đồng"),
/// procedure codes ("1.001193") and dates never start that way or are too short, so they stay text.
/// </summary>
public static partial class VietnamesePhone
{
    /// <summary>A run of the text; <see cref="Tel"/> is the dialable number (digits and a leading +) when the run is a phone number.</summary>
    public sealed record Part(string Text, string? Tel);

    public static IReadOnlyList<Part> Split(string? text)
    {
        var parts = new List<Part>();
        if (string.IsNullOrEmpty(text))
        {
            return parts;
        }

        var at = 0;
        foreach (Match match in Number().Matches(text))
        {
            var digits = new string([.. match.Value.Where(char.IsAsciiDigit)]);
            if (digits.Length is < 8 or > 12)
            {
                continue;
            }

            if (match.Index > at)
            {
                parts.Add(new Part(text[at..match.Index], null));
            }

            parts.Add(new Part(match.Value, (match.Value.StartsWith('+') ? "+" : "") + digits));
            at = match.Index + match.Length;
        }

        if (at < text.Length)
        {
            parts.Add(new Part(text[at..], null));
        }

        return parts;
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:\+84[ .\-]?|\(0\d{2,3}\)[ .\-]?|0|1[89]00[ .\-]?)\d(?:[ .\-]?\d){2,10}(?!\p{N})")]
    private static partial Regex Number();
}
