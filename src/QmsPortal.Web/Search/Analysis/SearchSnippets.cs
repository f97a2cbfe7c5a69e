namespace QmsPortal.Web.Search.Analysis;

// CONTRACT FOR THE ANALYSIS HELPER: signatures are fixed, bodies to be written (with unit tests).
public static class SearchSnippets
{
    /// <summary>
    /// The whole text (a title) cut into parts, each word marked when it matches: its <see cref="VietnameseSyllables.Fold"/>
    /// is in <paramref name="terms"/>, or it starts with one of <paramref name="prefixes"/> (the word being typed).
    /// </summary>
    public static IReadOnlyList<SnippetPart> Mark(string text, IReadOnlySet<string> terms, IReadOnlySet<string> prefixes) =>
        throw new NotImplementedException();

    /// <summary>
    /// The best window of at most <paramref name="maxChars"/> characters of a long text (the one holding the most
    /// distinct matching words, adjacent matches counting more), cut at word boundaries, with "…" parts where text was
    /// left out, matches marked as in <see cref="Mark"/>. The start of the text when nothing matches; empty for empty text.
    /// </summary>
    public static IReadOnlyList<SnippetPart> Best(string text, IReadOnlySet<string> terms, IReadOnlySet<string> prefixes, int maxChars = 220) =>
        throw new NotImplementedException();
}
