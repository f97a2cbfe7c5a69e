namespace QmsPortal.Web.Data;

/// <summary>
/// The seam through which a feature names a document of the commune's procedure library without importing that feature:
/// a TTHC posting's internal procedure code must be a document the commune has. Features/Documents implements it.
/// </summary>
public interface IDocumentCodes
{
    /// <summary>The current commune's document with this code (letter case and Unicode form ignored), or null when it has none.</summary>
    Task<DocumentReference?> FindAsync(string? code, CancellationToken cancellationToken = default);
}

/// <summary>A document as another feature may show it: its code as the library writes it, its title, and where it opens.</summary>
public sealed record DocumentReference(string Code, string Title, string Path);
