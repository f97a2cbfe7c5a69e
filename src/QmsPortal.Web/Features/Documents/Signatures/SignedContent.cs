using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace QmsPortal.Web.Features.Documents.Signatures;

/// <summary>One attachment as it is signed: its file name, its content key (the SHA-256 of its bytes) and its size.</summary>
public sealed record SignedFile(string FileName, string ContentKey, long Size);

/// <summary>
/// What a signature covers: a revision's title, body and attachments, written in one canonical form so the same
/// content always gives the same SHA-256 digest, today and years from now. Text is NFC with \n line ends;
/// attachments are ordered by file name, then content key. Each field is preceded by its length in UTF-8 bytes,
/// so no choice of title or file name can make two different contents read the same.
/// </summary>
public sealed class SignedContent
{
    public const string Format = "qmsportal-revision-signature-v1";

    private SignedContent(string title, string body, IReadOnlyList<SignedFile> files)
    {
        Title = title;
        Body = body;
        Files = files;
        Canonical = Write(title, body, files);
        Digest = Sha256(Canonical);
        TitleDigest = Sha256(Encoding.UTF8.GetBytes(title));
        BodyDigest = Sha256(Encoding.UTF8.GetBytes(body));
    }

    public string Title { get; }
    public string Body { get; }
    public IReadOnlyList<SignedFile> Files { get; }

    /// <summary>The exact bytes the digest is computed over.</summary>
    public byte[] Canonical { get; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Canonical"/>.</summary>
    public string Digest { get; }

    public string TitleDigest { get; }
    public string BodyDigest { get; }

    public SignatureManifest Manifest => new(TitleDigest, BodyDigest, Files);

    public static SignedContent Of(string title, string body, IEnumerable<SignedFile> files) => new(
        Text(title),
        Text(body),
        files.Select(f => f with { FileName = Text(f.FileName), ContentKey = f.ContentKey.ToLowerInvariant() })
            .OrderBy(f => f.FileName, StringComparer.Ordinal).ThenBy(f => f.ContentKey, StringComparer.Ordinal).ThenBy(f => f.Size).ToList());

    /// <summary>NFC with \n line ends; nothing else is changed (a space added or removed is a change).</summary>
    public static string Text(string? text) =>
        (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Normalize(NormalizationForm.FormC);

    private static byte[] Write(string title, string body, IReadOnlyList<SignedFile> files)
    {
        var builder = new StringBuilder(body.Length + 256);
        builder.Append(Format).Append('\n');
        Field(builder, "title", title);
        Field(builder, "body", body);
        builder.Append("files ").Append(files.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var file in files)
        {
            Field(builder, "file", file.FileName);
            Field(builder, "key", file.ContentKey);
            builder.Append("size ").Append(file.Size.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    private static void Field(StringBuilder builder, string name, string value) =>
        builder.Append(name).Append(' ').Append(Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture)).Append('\n').Append(value).Append('\n');

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}

/// <summary>
/// What a signature recorded beside its digest, so the integrity check can say what changed: the title, the body,
/// or which attachment. Stored as JSON on the signature row.
/// </summary>
public sealed record SignatureManifest(string TitleDigest, string BodyDigest, IReadOnlyList<SignedFile> Files)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static SignatureManifest FromJson(string json) =>
        JsonSerializer.Deserialize<SignatureManifest>(json, Json) ?? throw new InvalidOperationException("Empty signature manifest.");
}
