namespace QmsPortal.Web.Files;

/// <summary>
/// Where uploaded file contents live, addressed by their SHA-256. The database keeps names, owners and
/// access rules; the store keeps only bytes, so a local folder can be swapped for object storage.
/// Identical uploads share one stored copy.
/// </summary>
public interface IFileStore
{
    /// <summary>Stores the content (at most <paramref name="maxBytes"/>) and returns its key and size.</summary>
    Task<StoredFile> SaveAsync(Stream content, long maxBytes, CancellationToken cancellationToken = default);

    /// <summary>The content for a key, or null when the key is unknown.</summary>
    Stream? OpenRead(string key);

    /// <summary>
    /// Writes and deletes a small probe where content goes: null when that works, otherwise a Vietnamese sentence
    /// naming the place and the reason. Cheap enough for every readiness request.
    /// </summary>
    string? ProbeWrite();
}

/// <summary>The content key (lower-case hex SHA-256) and byte count of a stored file.</summary>
public sealed record StoredFile(string Key, long Size);

/// <summary>The content was larger than the caller allowed; nothing was stored.</summary>
public sealed class FileTooLargeException(long maxBytes) : Exception($"File exceeds {maxBytes} bytes.")
{
    public long MaxBytes { get; } = maxBytes;
}

/// <summary>Section <c>Files</c>.</summary>
public sealed class FileStoreOptions
{
    public const string Section = "Files";

    /// <summary>Folder of the content-addressed store; relative paths start at the content root.</summary>
    public string Root { get; set; } = "App_Data/files";
}
