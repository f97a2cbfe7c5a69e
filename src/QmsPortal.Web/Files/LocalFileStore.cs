using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace QmsPortal.Web.Files;

/// <summary>
/// Files under <c>App_Data/files/ab/cd/abcd…</c>. Content is written to a temporary file while hashed, then
/// moved into place, so a half-written upload never appears under a key.
/// </summary>
public sealed class LocalFileStore : IFileStore
{
    private readonly string _root;
    private long _probes;

    public LocalFileStore(IOptions<FileStoreOptions> options, IHostEnvironment environment)
    {
        var root = options.Value.Root;
        _root = Path.IsPathRooted(root) ? root : Path.Combine(environment.ContentRootPath, root);
    }

    public async Task<StoredFile> SaveAsync(Stream content, long maxBytes, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(_root);
        var temp = Path.Combine(_root, "tmp-" + Guid.NewGuid().ToString("N"));
        long size = 0;
        string key;
        try
        {
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            await using (var output = File.Create(temp))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        throw new FileTooLargeException(maxBytes);
                    }

                    hash.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                key = Convert.ToHexStringLower(hash.GetHashAndReset());
            }

            var target = PathFor(key);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (File.Exists(target))
            {
                File.Delete(temp);
            }
            else
            {
                File.Move(temp, target);
            }
        }
        catch
        {
            File.Delete(temp);
            throw;
        }

        return new StoredFile(key, size);
    }

    public Stream? OpenRead(string key)
    {
        if (!IsKey(key))
        {
            return null;
        }

        var path = PathFor(key);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    public string? ProbeWrite()
    {
        var probe = Path.Combine(_root, $".probe-{Environment.ProcessId}-{Interlocked.Increment(ref _probes)}");
        try
        {
            Directory.CreateDirectory(_root);
            try
            {
                // Not File.WriteAllBytes: it preallocates (fallocate), which made each probe ~30 times dearer on ext4 here.
                using var stream = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1);
                stream.WriteByte(1);
            }
            finally
            {
                File.Delete(probe);
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"Không ghi được vào thư mục lưu tệp {_root} ({Reason(e)}); sửa Files:Root hoặc quyền ghi thư mục đó.";
        }
    }

    /// <summary>"Could not find a part of the path" hides the usual cause: a part of the path is a file.</summary>
    private string Reason(Exception e)
    {
        for (var part = _root; !string.IsNullOrEmpty(part); part = Path.GetDirectoryName(part))
        {
            if (File.Exists(part))
            {
                return $"{part} là một tệp, không phải thư mục";
            }
        }

        return e.Message.TrimEnd('.');
    }

    private string PathFor(string key) => Path.Combine(_root, key[..2], key[2..4], key);

    // Keys come from the database, but a key is still never allowed to name a path outside the store.
    private static bool IsKey(string key) => key.Length == 64 && key.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
