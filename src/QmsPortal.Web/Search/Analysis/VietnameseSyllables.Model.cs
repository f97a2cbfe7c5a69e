namespace QmsPortal.Web.Search.Analysis;

/// <summary>
/// The syllable model behind <see cref="VietnameseSyllables.IsSyllable"/> and the Telex/VNI check: a syllable is an
/// initial consonant and a rhyme from the list below, written with its shape marks. The folded model is the same list
/// with the marks taken off, so "uân" and "uan" (quan) are one entry there; that makes it a little generous, which is
/// the right side to err on when it only decides whether a decoding or a split is worth searching.
/// </summary>
public static partial class VietnameseSyllables
{
    private static readonly string[] ShapedInitials =
    [
        "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh", "p", "ph", "qu",
        "r", "s", "t", "th", "tr", "v", "x",
    ];

    // Rhymes without tone, grouped by nucleus. Loan words of everyday administration ("xoong", "tuýp") are in;
    // rhymes that occur only in onomatopoeia are left out so that keyboard noise is not taken for Vietnamese.
    private static readonly string[] ShapedRhymes =
    [
        // Open and semivowel-final.
        "a", "e", "ê", "i", "y", "o", "ô", "ơ", "u", "ư", "ia", "ua", "ưa",
        "ai", "ay", "ây", "ao", "au", "âu", "eo", "êu", "iu", "oi", "ôi", "ơi", "ui", "ưi", "ưu",
        "iêu", "yêu", "uôi", "ươi", "ươu",

        // Consonant finals.
        "ac", "ach", "am", "an", "ang", "anh", "ap", "at",
        "ăc", "ăm", "ăn", "ăng", "ăp", "ăt",
        "âc", "âm", "ân", "âng", "âp", "ât",
        "ec", "em", "en", "eng", "ep", "et",
        "êch", "êm", "ên", "ênh", "êp", "êt",
        "ich", "im", "in", "inh", "ip", "it",
        "oc", "om", "on", "ong", "op", "ot", "ooc", "oong",
        "ôc", "ôm", "ôn", "ông", "ôp", "ôt",
        "ơm", "ơn", "ơp", "ơt",
        "uc", "um", "un", "ung", "up", "ut",
        "ưc", "ưm", "ưn", "ưng", "ưt",
        "iêc", "iêm", "iên", "iêng", "iêp", "iêt",
        "yêm", "yên", "yêng", "yêt",
        "uôc", "uôm", "uôn", "uông", "uôt",
        "ươc", "ươm", "ươn", "ương", "ươp", "ươt",

        // Medial o (hoa, hoặc, ngoằn, ngoèo).
        "oa", "oac", "oach", "oai", "oam", "oan", "oang", "oanh", "oao", "oap", "oat", "oay",
        "oăc", "oăm", "oăn", "oăng", "oăt", "oe", "oen", "oeo", "oet",

        // Medial u (xuân, khuya, huỳnh, khuyến, thuở).
        "uân", "uâng", "uât", "uây", "uê", "uêch", "uênh", "uy", "uya", "uych", "uyn", "uynh", "uyp", "uyt", "uyu",
        "uyên", "uyêt", "uơ",

        // After qu, whose u is the medial: quýt, quỳnh, quých.
        "yt", "ynh", "ych",
    ];

    private static readonly HashSet<string> ShapedRhymeSet = new(ShapedRhymes, StringComparer.Ordinal);
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ShapedRhymeLookup =
        ShapedRhymeSet.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string> FoldedRhymeSet = new(ShapedRhymes.Select(FoldLetters), StringComparer.Ordinal);
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FoldedRhymeLookup =
        FoldedRhymeSet.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly string[] FoldedInitials = ShapedInitials.Where(i => i != "đ").ToArray();

    private static string FoldLetters(string shaped) => string.Create(shaped.Length, shaped, static (span, s) =>
    {
        for (var i = 0; i < s.Length; i++)
        {
            span[i] = Letters.Of(s[i]).Folded;
        }
    });

    private static bool IsFoldedSyllable(ReadOnlySpan<char> folded)
    {
        if (folded.Length is 0 or > MaxSyllableLength)
        {
            return false;
        }

        foreach (var c in folded)
        {
            if (c is < 'a' or > 'z')
            {
                return false;
            }
        }

        foreach (var initial in FoldedInitials)
        {
            if (folded.StartsWith(initial, StringComparison.Ordinal))
            {
                var rhyme = folded[initial.Length..];
                if (rhyme.Length > 0 && FoldedRhymeLookup.Contains(rhyme) && SpellingAllows(initial, rhyme))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The check for a Telex/VNI decoding, stricter than the folded one: shape marks must form a real rhyme ("âi" does
    /// not), and a syllable ending in c, ch, p or t carries sắc or nặng, the only tones such syllables have.
    /// </summary>
    private static bool IsShapedSyllable(ReadOnlySpan<char> shaped, int tone)
    {
        if (shaped.Length is 0 or > MaxSyllableLength)
        {
            return false;
        }

        foreach (var initial in ShapedInitials)
        {
            if (!shaped.StartsWith(initial, StringComparison.Ordinal))
            {
                continue;
            }

            var rhyme = shaped[initial.Length..];
            if (rhyme.Length == 0 || !ShapedRhymeLookup.Contains(rhyme) || !SpellingAllows(initial, rhyme))
            {
                continue;
            }

            var stopFinal = rhyme[^1] is 'c' or 'p' or 't' || rhyme.EndsWith("ch", StringComparison.Ordinal);
            if (!stopFinal || tone is 1 or 5)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The spelling rules that tie an initial to the rhyme's first letter: k, gh and ngh only before i, e, ê (and y in
    /// "kỳ"), c, g and ng never there; qu never before u, ư or the medial o; a rhyme in iê needs a consonant before it
    /// and one in yê none (or qu): "kiên", "yên", "quyên"; y before a final consonant only follows qu ("quýt");
    /// the rhyme uơ only follows h, kh, th.
    /// </summary>
    private static bool SpellingAllows(string initial, ReadOnlySpan<char> rhyme)
    {
        var first = Letters.Of(rhyme[0]).Folded;
        var second = rhyme.Length > 1 ? Letters.Of(rhyme[1]).Folded : '\0';
        var front = first is 'i' or 'e' or 'y';
        if (first == 'y' && second != '\0' && initial is not "qu" && !(second == 'e' && initial.Length == 0))
        {
            return false;
        }

        if (first == 'i' && second == 'e' && initial is "" or "qu" or "gi")
        {
            return false;
        }

        // uơ only in thuở, huơ, khuơ: elsewhere "nuo" would pass for a syllable and spoil splits ("nuocuong").
        if (rhyme.Length == 2 && first == 'u' && second == 'o' && initial is not ("h" or "kh" or "th"))
        {
            return false;
        }

        return initial switch
        {
            "k" => front,
            "gh" or "ngh" => first is 'i' or 'e',
            "c" or "ng" => !front,
            "g" => first is not ('e' or 'y'),
            "gi" => first is not ('i' or 'y'),
            "qu" => first is not 'u' && !(first == 'o' && second is 'a' or 'e'),
            _ => true,
        };
    }
}
