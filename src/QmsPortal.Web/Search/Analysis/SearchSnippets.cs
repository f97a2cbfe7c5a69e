namespace QmsPortal.Web.Search.Analysis;

/// <summary>
/// Highlighting done on the original text rather than by the engine: the stored title or body is cut at the words
/// of <see cref="VietnameseWords.Split"/> and each word is compared folded, so "dang ky" marks "Đăng ký" and NFD text
/// is marked like NFC text. The parts always concatenate back to the original characters (apart from the "…" parts
/// standing for cuts), so a page renders them with plain encoding and nothing of the text is rewritten.
/// </summary>
public static class SearchSnippets
{
    /// <summary>The mark for text left out of a window; always a part of its own, never a match.</summary>
    public const string Ellipsis = "…";

    /// <summary>
    /// The whole text (a title) cut into parts, each word marked when it matches: its <see cref="VietnameseSyllables.Fold"/>
    /// is in <paramref name="terms"/>, or it starts with one of <paramref name="prefixes"/> (the word being typed).
    /// Adjacent unmarked text is one part; the spaces between two marked words stay unmarked.
    /// </summary>
    public static IReadOnlyList<SnippetPart> Mark(string text, IReadOnlySet<string> terms, IReadOnlySet<string> prefixes)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(prefixes);
        var words = Words(text, terms, prefixes);
        return Parts(text, words, 0, text.Length);
    }

    /// <summary>
    /// The best window of at most <paramref name="maxChars"/> characters of a long text (the one holding the most
    /// distinct matching words, adjacent matches counting more; the earliest of equals), cut at word boundaries, with
    /// "…" parts where text was left out, matches marked as in <see cref="Mark"/>. The room the matches leave is shared
    /// between context before them (up to half) and after, so a match is not shown as the first word of a fragment.
    /// The start of the text when nothing matches; empty for empty text. A single word longer than the window (a URL)
    /// is the only thing cut inside, and then never inside a surrogate pair or before a combining mark.
    /// </summary>
    public static IReadOnlyList<SnippetPart> Best(string text, IReadOnlySet<string> terms, IReadOnlySet<string> prefixes, int maxChars = 220)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(prefixes);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 1);
        if (text.Length == 0)
        {
            return [];
        }

        var words = Words(text, terms, prefixes);
        if (text.Length <= maxChars)
        {
            return Parts(text, words, 0, text.Length);
        }

        if (words.Count == 0)
        {
            return Cut(text, 0, maxChars);
        }

        var (first, last) = BestMatchSpan(words, maxChars);
        if (words[last].End - words[first].Start > maxChars)
        {
            return Cut(text, words[first].Start, maxChars);
        }

        var (from, to) = Pad(words, first, last, maxChars);
        var start = from == 0 && words[to].End <= maxChars ? 0 : words[from].Start;
        var end = to == words.Count - 1 && text.Length - start <= maxChars ? text.Length : words[to].End;
        var parts = new List<SnippetPart>();
        if (start > 0)
        {
            parts.Add(new SnippetPart(Ellipsis, false));
        }

        parts.AddRange(Parts(text, words, start, end));
        if (end < text.Length)
        {
            parts.Add(new SnippetPart(Ellipsis, false));
        }

        return parts;
    }

    private readonly record struct Word(int Start, int End, string? Key);

    private static List<Word> Words(string text, IReadOnlySet<string> terms, IReadOnlySet<string> prefixes)
    {
        var words = new List<Word>();
        foreach (var (start, length) in VietnameseWords.Split(text))
        {
            words.Add(new Word(start, start + length, MatchKey(VietnameseSyllables.Fold(text.Substring(start, length)), terms, prefixes)));
        }

        return words;
    }

    /// <summary>What a word matched (the term, or the prefix), so distinct matches can be counted; null when nothing.</summary>
    private static string? MatchKey(string folded, IReadOnlySet<string> terms, IReadOnlySet<string> prefixes)
    {
        if (terms.Contains(folded))
        {
            return folded;
        }

        foreach (var prefix in prefixes)
        {
            if (prefix.Length > 0 && folded.StartsWith(prefix, StringComparison.Ordinal))
            {
                return prefix;
            }
        }

        return null;
    }

    /// <summary>The parts of text[start..end]: words marked or not, unmarked runs merged.</summary>
    private static List<SnippetPart> Parts(string text, List<Word> words, int start, int end)
    {
        var parts = new List<SnippetPart>();
        var plainFrom = start;
        foreach (var word in words)
        {
            if (word.Key is null || word.Start < start || word.End > end)
            {
                continue;
            }

            if (word.Start > plainFrom)
            {
                parts.Add(new SnippetPart(text[plainFrom..word.Start], false));
            }

            parts.Add(new SnippetPart(text[word.Start..word.End], true));
            plainFrom = word.End;
        }

        if (end > plainFrom)
        {
            parts.Add(new SnippetPart(text[plainFrom..end], false));
        }

        return parts;
    }

    /// <summary>
    /// The first and last matching word of the best window: every window that starts at a word and fits maxChars is
    /// scored by its distinct matches, then by pairs of neighbouring matched words (a phrase beats scattered words).
    /// Two pointers over the words keep this linear in the text. No match: the first word.
    /// </summary>
    private static (int First, int Last) BestMatchSpan(List<Word> words, int maxChars)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var bestDistinct = 0;
        var bestPairs = 0;
        (int First, int Last) best = (0, 0);
        var end = 0;
        var pairs = 0;
        for (var begin = 0; begin < words.Count; begin++)
        {
            if (end < begin)
            {
                end = begin;
            }

            while (end < words.Count && words[end].End - words[begin].Start <= maxChars)
            {
                if (words[end].Key is { } key)
                {
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                    if (end > begin && words[end - 1].Key is not null)
                    {
                        pairs++;
                    }
                }

                end++;
            }

            if (counts.Count > bestDistinct || (counts.Count == bestDistinct && counts.Count > 0 && pairs > bestPairs))
            {
                bestDistinct = counts.Count;
                bestPairs = pairs;
                var first = begin;
                while (words[first].Key is null)
                {
                    first++;
                }

                var last = end - 1;
                while (words[last].Key is null)
                {
                    last--;
                }

                best = (first, last);
            }

            if (begin < end && words[begin].Key is { } leaving)
            {
                if (--counts[leaving] == 0)
                {
                    counts.Remove(leaving);
                }

                if (begin + 1 < end && words[begin + 1].Key is not null)
                {
                    pairs--;
                }
            }
        }

        return best;
    }

    /// <summary>Widens [first, last] by whole words: up to half the spare room before, the rest after, then before again.</summary>
    private static (int From, int To) Pad(List<Word> words, int first, int last, int maxChars)
    {
        var spare = maxChars - (words[last].End - words[first].Start);
        var from = first;
        var to = last;
        while (from > 0 && words[first].Start - words[from - 1].Start <= spare / 2)
        {
            from--;
        }

        while (to + 1 < words.Count && words[to + 1].End - words[from].Start <= maxChars)
        {
            to++;
        }

        while (from > 0 && words[to].End - words[from - 1].Start <= maxChars)
        {
            from--;
        }

        return (from, to);
    }

    /// <summary>A window that no word boundary can make: maxChars characters from start, not splitting a character.</summary>
    private static List<SnippetPart> Cut(string text, int start, int maxChars)
    {
        var end = Math.Min(text.Length, start + maxChars);
        while (end > start + 1 && end < text.Length &&
               (char.IsLowSurrogate(text[end]) || char.GetUnicodeCategory(text[end]) is System.Globalization.UnicodeCategory.NonSpacingMark))
        {
            end--;
        }

        var parts = new List<SnippetPart>();
        if (start > 0)
        {
            parts.Add(new SnippetPart(Ellipsis, false));
        }

        parts.Add(new SnippetPart(text[start..end], false));
        if (end < text.Length)
        {
            parts.Add(new SnippetPart(Ellipsis, false));
        }

        return parts;
    }
}
