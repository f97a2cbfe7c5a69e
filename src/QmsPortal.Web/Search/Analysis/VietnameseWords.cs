namespace QmsPortal.Web.Search.Analysis;

// CONTRACT FOR THE ANALYSIS HELPER: signatures are fixed, bodies to be written (with unit tests).
public static class VietnameseWords
{
    /// <summary>
    /// The words of NFC text: maximal runs of letters (with their combining marks) and digits, as (start, length) in
    /// the text. Punctuation, spaces and symbols separate words ("1.001193" → "1", "001193"; "NĐ-CP" → "NĐ", "CP").
    /// </summary>
    public static IEnumerable<(int Start, int Length)> Split(string text) => throw new NotImplementedException();
}
