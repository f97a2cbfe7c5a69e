namespace QmsPortal.Web.Search.Analysis;

// CONTRACT FOR THE ANALYSIS HELPER: signatures are fixed, bodies to be written (with unit tests).
public static class VietnameseSyllables
{
    /// <summary>
    /// A word (letters and digits, any case, NFC) → lower-case ASCII with marks stripped, đ→d and the i/y rule
    /// (a syllable whose only vowel is a final y after a consonant initial is written with i: "ký"→"ki",
    /// "lý"→"li", "quý"→"qui", but "thủy"→"thuy", "y"→"y", "yên"→"yen").
    /// </summary>
    public static string Fold(string word) => throw new NotImplementedException();

    /// <summary>
    /// A word → its accent-exact key: lower-case, NFC, shape marks kept (ă â ê ô ơ ư đ), the tone mark taken off the
    /// vowel and written as a digit suffix (1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng; none for ngang), and the same i/y
    /// rule as <see cref="Fold"/>. So "hoá" and "hóa", "thuỷ" and "thủy", "kí" and "ký" give one key each,
    /// while "đăng" and "dang", "hoa" and "hóa" do not.
    /// </summary>
    public static string Exact(string word) => throw new NotImplementedException();

    /// <summary>True when a folded ASCII word is a possible Vietnamese syllable (initial, rhyme, final consonant).</summary>
    public static bool IsSyllable(string folded) => throw new NotImplementedException();

    /// <summary>
    /// A word typed with Telex or VNI on a keyboard not set to Vietnamese → the accented, lower-case NFC syllable it
    /// means ("ddawng"→"đăng", "kys"→"ký", "chuwngs"→"chứng", "thuwcj"→"thực", "d9a8ng"→"đăng", "ky1"→"ký"), or null
    /// when the word holds no Telex/VNI keys or does not decode to a valid syllable ("sinh", "khai", "email", "2018").
    /// </summary>
    public static string? DecodeTyping(string word) => throw new NotImplementedException();

    /// <summary>
    /// Syllables typed together → the syllables ("khaisinh"→["khai","sinh"], "dangky"→["dang","ky"]), or null when the
    /// folded word is already one syllable or cannot be split into valid syllables.
    /// </summary>
    public static IReadOnlyList<string>? SplitRunTogether(string folded) => throw new NotImplementedException();
}
