namespace QmsPortal.Web.Search.Analysis;

public static partial class VietnameseSyllables
{
    /// <summary>
    /// A word typed with Telex or VNI on a keyboard not set to Vietnamese → the accented, lower-case NFC syllable it
    /// means, or null. Telex: aa â, aw ă, ee ê, oo ô, ow ơ, uw ư, uow ươ, w alone ư, dd đ, and the tone keys s f r x j
    /// (z clears) anywhere after the first vowel ("kys"→"ký", "ddawng"→"đăng", "chuwngs"→"chứng", "thuwcj"→"thực").
    /// VNI, chosen when the word holds a digit: 1–5 the tones, 6 circumflex, 7 horn, 8 breve, 9 đ ("d9a8ng"→"đăng",
    /// "chu7ng1"→"chứng"). A shape key that does not follow its vowel applies to the syllable's vowels ("truongw").
    /// The tone goes where school spelling puts it (on the shaped vowel, ơ in "ươ"; on the last vowel before a final
    /// consonant; otherwise the middle of three vowels or the first of two: "hóa", "thủy", "quý", "giường", "thuở").
    /// <para>
    /// Null when the word holds no key, when the result is not a valid syllable (shape marks and tone included: "khaai"
    /// would be "khâi", which Vietnamese has not), and — so that real words typed without accents are not read as
    /// Telex — when the word is itself a valid syllable and uses none of the keys that cannot be plain spelling
    /// (f j w z, a doubled vowel, dd): "sinh", "khai", "xa", "tinh" stay null, while "as" (no syllable) is "á".
    /// Two tone keys in one word are not a syllable either.
    /// </para>
    /// </summary>
    public static string? DecodeTyping(string word)
    {
        if (string.IsNullOrEmpty(word) || word.Length > 2 * MaxSyllableLength)
        {
            return null;
        }

        Span<char> input = stackalloc char[word.Length];
        var hasDigit = false;
        var hasLetter = false;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z')
            {
                hasLetter = true;
                input[i] = (char)(c | 0x20);
            }
            else if (c is >= '0' and <= '9')
            {
                hasDigit = true;
                input[i] = c;
            }
            else
            {
                return null;
            }
        }

        if (!hasLetter)
        {
            return null;
        }

        if (!hasDigit && LooksPlain(input))
        {
            return null;
        }

        Span<char> letters = stackalloc char[word.Length + 1];
        var parsed = hasDigit ? ParseVni(input, letters) : ParseTelex(input, letters);
        if (parsed.Length < 0)
        {
            return null;
        }

        var shaped = letters[..parsed.Length];
        if (!parsed.ClusterShapePending(shaped))
        {
            return null;
        }

        // "uow" is ươ before a final or semivowel (trường, người) but uơ when nothing follows (thuở, huơ).
        if (shaped.EndsWith("ươ", StringComparison.Ordinal))
        {
            shaped[^2] = 'u';
        }

        if (!IsShapedSyllable(shaped, parsed.Tone))
        {
            return null;
        }

        var result = PlaceTone(shaped, parsed.Tone);
        return result.AsSpan().SequenceEqual(input) ? null : result;
    }

    /// <summary>The word reads as plain spelling: a syllable already, with no key that spelling never uses.</summary>
    private static bool LooksPlain(ReadOnlySpan<char> input)
    {
        for (var i = 0; i < input.Length; i++)
        {
            var c = input[i];
            if (c is 'f' or 'j' or 'w' or 'z')
            {
                return false;
            }

            if (i > 0 && c == input[i - 1] && c is 'a' or 'e' or 'o' or 'd')
            {
                return false;
            }
        }

        return IsFoldedSyllable(Fold(new string(input)));
    }

    /// <summary>Letters decoded so far, the tone, and a shape key still to be applied to the vowels as a whole.</summary>
    private readonly record struct Parsed(int Length, int Tone, char PendingShape)
    {
        public static Parsed Invalid => new(-1, 0, '\0');

        /// <summary>Applies a shape key typed after the final consonant; false when no vowel can take it.</summary>
        public bool ClusterShapePending(Span<char> letters)
        {
            if (PendingShape == '\0')
            {
                return true;
            }

            var (start, end) = VowelCluster(letters);
            var cluster = letters[start..end];
            switch (PendingShape)
            {
                case 'w':
                    var uo = cluster.IndexOf("uo", StringComparison.Ordinal);
                    if (uo >= 0)
                    {
                        cluster[uo] = 'ư';
                        cluster[uo + 1] = 'ơ';
                        return true;
                    }

                    var ua = cluster.IndexOf("ua", StringComparison.Ordinal);
                    if (ua >= 0)
                    {
                        cluster[ua] = 'ư';
                        return true;
                    }

                    return Replace(cluster, 'a', 'ă') || Replace(cluster, 'o', 'ơ') || Replace(cluster, 'u', 'ư');
                case '6':
                    for (var i = cluster.Length - 1; i >= 0; i--)
                    {
                        if (cluster[i] is 'a' or 'e' or 'o')
                        {
                            cluster[i] = cluster[i] switch { 'a' => 'â', 'e' => 'ê', _ => 'ô' };
                            return true;
                        }
                    }

                    return false;
                case '7':
                    var horn = cluster.IndexOf("uo", StringComparison.Ordinal);
                    if (horn >= 0)
                    {
                        cluster[horn] = 'ư';
                        cluster[horn + 1] = 'ơ';
                        return true;
                    }

                    return Replace(cluster, 'o', 'ơ') || Replace(cluster, 'u', 'ư');
                default:
                    return Replace(cluster, 'a', 'ă');
            }
        }

        private static bool Replace(Span<char> cluster, char from, char to)
        {
            var i = cluster.IndexOf(from);
            if (i < 0)
            {
                return false;
            }

            cluster[i] = to;
            return true;
        }
    }

    private static Parsed ParseTelex(ReadOnlySpan<char> input, Span<char> letters)
    {
        var length = 0;
        var tone = 0;
        var toneKeys = 0;
        var pending = '\0';
        var seenVowel = false;
        for (var i = 0; i < input.Length; i++)
        {
            var c = input[i];
            var previousInput = i > 0 ? input[i - 1] : '\0';
            var last = length > 0 ? letters[length - 1] : '\0';
            if (c == previousInput && last == c && c is 'd' or 'a' or 'e' or 'o')
            {
                letters[length - 1] = c switch { 'd' => 'đ', 'a' => 'â', 'e' => 'ê', _ => 'ô' };
                continue;
            }

            if (c == 'w')
            {
                if (IsVowelKey(previousInput))
                {
                    switch (last)
                    {
                        case 'a':
                            letters[length - 1] = 'ă';
                            break;
                        case 'u':
                            letters[length - 1] = 'ư';
                            break;
                        case 'o':
                            letters[length - 1] = 'ơ';
                            HornOnU(letters[..length]);

                            break;
                        default:
                            return Parsed.Invalid;
                    }
                }
                else if (seenVowel)
                {
                    if (pending != '\0')
                    {
                        return Parsed.Invalid;
                    }

                    pending = 'w';
                }
                else
                {
                    letters[length++] = 'ư';
                    seenVowel = true;
                }

                continue;
            }

            if (seenVowel && c is 's' or 'f' or 'r' or 'x' or 'j' or 'z')
            {
                tone = c switch { 's' => 1, 'f' => 2, 'r' => 3, 'x' => 4, 'j' => 5, _ => 0 };
                toneKeys++;
                continue;
            }

            seenVowel |= IsVowelKey(c);
            letters[length++] = c;
        }

        return toneKeys > 1 ? Parsed.Invalid : new Parsed(length, tone, pending);
    }

    private static Parsed ParseVni(ReadOnlySpan<char> input, Span<char> letters)
    {
        var length = 0;
        var tone = 0;
        var toneKeys = 0;
        var pending = '\0';
        var seenVowel = false;
        for (var i = 0; i < input.Length; i++)
        {
            var c = input[i];
            if (c is >= 'a' and <= 'z')
            {
                seenVowel |= IsVowelKey(c);
                letters[length++] = c;
                continue;
            }

            var last = length > 0 ? letters[length - 1] : '\0';
            switch (c)
            {
                case >= '1' and <= '5' when seenVowel:
                    tone = c - '0';
                    toneKeys++;
                    break;
                case '6' when last is 'a' or 'e' or 'o':
                    letters[length - 1] = last switch { 'a' => 'â', 'e' => 'ê', _ => 'ô' };
                    break;
                case '7' when last is 'u':
                    letters[length - 1] = 'ư';
                    break;
                case '7' when last is 'o':
                    letters[length - 1] = 'ơ';
                    HornOnU(letters[..length]);

                    break;
                case '8' when last is 'a':
                    letters[length - 1] = 'ă';
                    break;
                case '6' or '7' or '8' when seenVowel && pending == '\0':
                    pending = c;
                    break;
                case '9':
                    var d = letters[..length].IndexOf('d');
                    if (d < 0)
                    {
                        return Parsed.Invalid;
                    }

                    letters[d] = 'đ';
                    break;
                default:
                    return Parsed.Invalid;
            }
        }

        return toneKeys > 1 ? Parsed.Invalid : new Parsed(length, tone, pending);
    }

    /// <summary>A horn typed after "uo" marks both vowels (ươ), except the u of qu ("quở").</summary>
    private static void HornOnU(Span<char> letters)
    {
        if (letters.Length > 1 && letters[^2] == 'u' && !(letters.Length > 2 && letters[^3] == 'q'))
        {
            letters[^2] = 'ư';
        }
    }

    private static bool IsVowelKey(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static bool IsShapedVowel(char c) => Letters.ShapedVowels.Contains(c);

    /// <summary>
    /// Where the vowels of a syllable are, the u of qu and the i of gi (before another vowel) being part of the initial.
    /// </summary>
    private static (int Start, int End) VowelCluster(ReadOnlySpan<char> letters)
    {
        var start = 0;
        if (letters.StartsWith("qu", StringComparison.Ordinal) && letters.Length > 2 && IsShapedVowel(letters[2]))
        {
            start = 2;
        }
        else if (letters.StartsWith("gi", StringComparison.Ordinal) && letters.Length > 2 && IsShapedVowel(letters[2]))
        {
            start = 2;
        }
        else
        {
            while (start < letters.Length && !IsShapedVowel(letters[start]))
            {
                start++;
            }
        }

        var end = start;
        while (end < letters.Length && IsShapedVowel(letters[end]))
        {
            end++;
        }

        return (start, end);
    }

    private static readonly System.Buffers.SearchValues<char> ShapedOnlyVowels = System.Buffers.SearchValues.Create("ăâêôơư");

    private static string PlaceTone(ReadOnlySpan<char> shaped, int tone)
    {
        Span<char> result = stackalloc char[shaped.Length];
        shaped.CopyTo(result);
        if (tone != 0)
        {
            var (start, end) = VowelCluster(shaped);
            var cluster = shaped[start..end];
            var hasFinal = end < shaped.Length;
            var at = cluster.LastIndexOfAny(ShapedOnlyVowels);
            if (at < 0)
            {
                at = hasFinal ? cluster.Length - 1 : cluster.Length == 3 ? 1 : 0;
            }

            result[start + at] = Letters.Compose(cluster[at], tone);
        }

        return new string(result);
    }
}
