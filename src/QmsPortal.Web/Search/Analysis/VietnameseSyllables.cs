using System.Text;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Search.Analysis;

/// <summary>
/// Per-word Vietnamese rules the search analyzers are built from. Everything here runs once per token while about a
/// million items are indexed, so the work is table look-ups over a stack buffer: a word that is already in its
/// final form (plain lower-case ASCII) comes back as the same string, and otherwise only the result is allocated.
/// </summary>
public static partial class VietnameseSyllables
{
    /// <summary>
    /// A word (letters and digits, any case, NFC or NFD) → lower-case ASCII with marks stripped, đ→d and the i/y rule:
    /// a syllable whose only vowel is a final y after a consonant initial is written with i ("ký"→"ki", "lý"→"li",
    /// "quý"→"qui", "Kỳ"→"ki"), because both spellings are official and citizens type either; a y that follows
    /// another vowel or stands alone keeps its letter ("thủy"→"thuy", "y"→"y", "yên"→"yen", "khuya"→"khuya").
    /// Digits and Latin words only lose their case ("2018", "email").
    /// </summary>
    public static string Fold(string word)
    {
        var text = VietnameseText.Normalize(word);
        if (IsFinalAscii(text))
        {
            return text;
        }

        var buffer = text.Length <= 64 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            var letter = Letters.Of(c);
            if (letter.Folded != '\0')
            {
                buffer[length++] = letter.Folded;
            }
            else if (!IsCombiningMark(c))
            {
                // A lone half of a surrogate pair cannot be normalised; such letters have no marks to strip.
                buffer[length++] = c < 128 ? char.ToLowerInvariant(c) : char.IsSurrogate(c) ? c : VietnameseText.FoldChar(c);
            }
        }

        var folded = buffer[..length];
        if (IyRuleApplies(folded))
        {
            folded[^1] = 'i';
        }

        return folded.SequenceEqual(text) ? text : new string(folded);
    }

    /// <summary>
    /// A word → its accent-exact key, for queries typed with full accents: lower-case, the shape marks kept
    /// (ă â ê ô ơ ư đ, which make different words), the tone mark taken off its vowel and written as a digit after the
    /// word (1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng; nothing for ngang), and the i/y rule of <see cref="Fold"/>.
    /// Taking the tone off the vowel is what makes the old and new tone placements one key ("hoá"/"hóa" → "hoa1",
    /// "thuỷ"/"thủy" → "thuy3", "Thuý"/"Thúy" → "thuy1", "oà"/"òa" → "oa2"), and "kí"/"ký" → "ki1"; "đăng" stays
    /// "đăng" (≠ "dang") and "hoa" stays "hoa" (≠ "hoa1"). A word holding several tone marks (syllables typed together)
    /// gets their digits in order. A code ending in a digit ("a1") can share a key with an accented syllable ("á");
    /// such codes are also indexed folded, so the exact field is never the only way to find them.
    /// </summary>
    public static string Exact(string word)
    {
        var text = VietnameseText.Normalize(word);
        if (IsFinalAscii(text))
        {
            return text;
        }

        var buffer = text.Length <= 32 ? stackalloc char[text.Length * 2] : new char[text.Length * 2];
        Span<byte> tones = stackalloc byte[8];
        var length = 0;
        var toneCount = 0;
        foreach (var c in text)
        {
            var letter = Letters.Of(c);
            if (letter.Folded != '\0')
            {
                buffer[length++] = letter.Shaped;
                if (letter.Tone != 0 && toneCount < tones.Length)
                {
                    tones[toneCount++] = letter.Tone;
                }
            }
            else if (!IsCombiningMark(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        if (IyRuleApplies(buffer[..length]))
        {
            buffer[length - 1] = 'i';
        }

        for (var i = 0; i < toneCount; i++)
        {
            buffer[length++] = (char)('0' + tones[i]);
        }

        var key = buffer[..length];
        return key.SequenceEqual(text) ? text : new string(key);
    }

    /// <summary>
    /// True when a folded ASCII word (see <see cref="Fold"/>) can be one Vietnamese syllable: an initial consonant
    /// (none, b, c, ch, d, g, gh, gi, h, k, kh, l, m, n, ng, ngh, nh, p, ph, qu, r, s, t, th, tr, v, x) followed by a
    /// rhyme of the language (medial o/u, vowel nucleus, final c ch m n ng nh p t or semivowel), with the spelling rules
    /// that go with them (k/gh/ngh before i e y, c/g/ng elsewhere, qu never before u). It decides whether a Telex
    /// decoding or a split of syllables typed together is worth searching, so it accepts every syllable of ordinary
    /// text and rejects English words and keyboard noise ("email", "ddawng", "chuwngs", "xyz", "kys").
    /// </summary>
    public static bool IsSyllable(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        return IsFoldedSyllable(folded);
    }

    /// <summary>
    /// Syllables typed together without spaces → the syllables ("khaisinh"→["khai","sinh"], "dangky"→["dang","ky"]),
    /// or null when the folded word is already one syllable or cannot be cut into at most four valid syllables.
    /// The split with the fewest parts wins. Among equals, a later syllable starting with u or i is avoided, since the
    /// cut before it usually belongs one letter later ("thutuc" → "thu","tuc", not "thut","uc"); then the one whose
    /// first syllables are longest ("anhem" → "anh","em", not "an","hem"), which is how such words are usually meant.
    /// </summary>
    public static IReadOnlyList<string>? SplitRunTogether(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        if (folded.Length < 2 || folded.Length > MaxParts * MaxSyllableLength)
        {
            return null;
        }

        foreach (var c in folded)
        {
            if (c is < 'a' or > 'z')
            {
                return null;
            }
        }

        if (IsFoldedSyllable(folded))
        {
            return null;
        }

        Span<int> cuts = stackalloc int[MaxParts];
        Span<int> best = stackalloc int[MaxParts];
        for (var parts = 2; parts <= MaxParts; parts++)
        {
            var search = new SplitSearch { BestPenalty = int.MaxValue };
            search.Run(folded, 0, 0, 0, cuts[..parts], best[..parts]);
            if (search.BestPenalty != int.MaxValue)
            {
                var result = new string[parts];
                var start = 0;
                for (var i = 0; i < parts; i++)
                {
                    result[i] = folded[start..best[i]];
                    start = best[i];
                }

                return result;
            }
        }

        return null;
    }

    private const int MaxParts = 4;

    // "nghiêng" and "khuyếch" are the longest syllables: seven letters.
    private const int MaxSyllableLength = 7;

    /// <summary>Every split into cuts.Length syllables, longest first, keeping the first with the lowest penalty.</summary>
    private struct SplitSearch
    {
        public int BestPenalty;

        public void Run(string folded, int start, int index, int penalty, Span<int> cuts, Span<int> best)
        {
            if (penalty >= BestPenalty)
            {
                return;
            }

            var partsLeft = cuts.Length - index;
            var rest = folded.Length - start;
            var shortest = partsLeft == 1 ? rest : 1;
            for (var length = Math.Min(MaxSyllableLength, rest - (partsLeft - 1)); length >= shortest; length--)
            {
                if (!IsFoldedSyllable(folded.AsSpan(start, length)))
                {
                    continue;
                }

                cuts[index] = start + length;
                var cost = penalty + (index > 0 && folded[start] is 'u' or 'i' ? 1 : 0);
                if (partsLeft == 1)
                {
                    if (cost < BestPenalty)
                    {
                        BestPenalty = cost;
                        cuts.CopyTo(best);
                    }

                    return;
                }

                Run(folded, start + length, index + 1, cost, cuts, best);
            }
        }
    }

    private static bool IsFinalAscii(string text)
    {
        foreach (var c in text)
        {
            if (c is not (>= 'a' and <= 'z' or >= '0' and <= '9'))
            {
                return false;
            }
        }

        return !IyRuleApplies(text);
    }

    private static bool IsCombiningMark(char c) =>
        c >= 0x300 && System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) is
            System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;

    /// <summary>A consonant initial and then a single y: "ky", "ly", "my", "quy", "hy" (đ counts as d).</summary>
    private static bool IyRuleApplies(ReadOnlySpan<char> letters)
    {
        if (letters.Length < 2 || letters[^1] != 'y')
        {
            return false;
        }

        var initial = letters[..^1];
        return initial is "b" or "c" or "ch" or "d" or "đ" or "g" or "gh" or "h" or "k" or "kh" or "l" or "m" or "n"
            or "ng" or "ngh" or "nh" or "p" or "ph" or "qu" or "r" or "s" or "t" or "th" or "tr" or "v" or "x";
    }

    /// <summary>
    /// One table entry per Vietnamese vowel with its tone (and đ): the lower-case letter without its tone
    /// ("ặ"→'ă'), its ASCII fold ('a') and the tone digit. Built once from the Unicode compositions instead of
    /// decomposing every character at index time.
    /// </summary>
    private static class Letters
    {
        public readonly record struct Letter(char Shaped, char Folded, byte Tone);

        private const int Size = 0x1F00;
        private static readonly Letter[] Table = new Letter[Size];
        private static readonly char[,] Composed = new char[ShapedVowels.Length, 6];

        internal const string ShapedVowels = "aăâeêioôơuưy";
        private const string FoldedVowels = "aaaeeiooouuy";

        // Combining marks of the five tones, in the order of their digits.
        private const string ToneMarks = "\u0301\u0300\u0309\u0303\u0323";

        static Letters()
        {
            for (var v = 0; v < ShapedVowels.Length; v++)
            {
                var shaped = ShapedVowels[v];
                for (var tone = 0; tone <= 5; tone++)
                {
                    var lower = tone == 0 ? shaped : (shaped.ToString() + ToneMarks[tone - 1]).Normalize(NormalizationForm.FormC)[0];
                    var upper = char.ToUpperInvariant(lower);
                    var letter = new Letter(shaped, FoldedVowels[v], (byte)tone);
                    Table[lower] = letter;
                    Table[upper] = letter;
                    Composed[v, tone] = lower;
                }
            }

            Table['đ'] = Table['Đ'] = new Letter('đ', 'd', 0);
            for (var c = 'a'; c <= 'z'; c++)
            {
                if (Table[c].Folded == '\0')
                {
                    Table[c] = Table[char.ToUpperInvariant(c)] = new Letter(c, c, 0);
                }
            }
        }

        public static Letter Of(char c) => c < Size ? Table[c] : default;

        /// <summary>The NFC character of a shaped lower-case vowel carrying a tone.</summary>
        public static char Compose(char shapedVowel, int tone) => Composed[ShapedVowels.IndexOf(shapedVowel), tone];
    }
}
