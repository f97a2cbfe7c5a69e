namespace QmsPortal.Web.Search.Analysis;

// CONTRACT FOR THE ANALYSIS HELPER: replaced by the helper's list.
public static class VietnameseQuestionWords
{
    public static IReadOnlySet<string> Folded { get; } = new HashSet<string>(StringComparer.Ordinal);
}
