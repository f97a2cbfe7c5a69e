using System.Text;
using QmsPortal.Web.Features.Documents.Signatures;

namespace QmsPortal.Tests.Features.Documents.Signatures;

public sealed class SignedContentTests
{
    private const string KeyA = "3b9c358f36f0a31b2a4ee35ae7b5e9d6f1d8a1a7c0c2a2a4e2c5a9d1f0e3b7c1";
    private const string KeyB = "0c0ffee0c0ffee0c0ffee0c0ffee0c0ffee0c0ffee0c0ffee0c0ffee0c0ffee0";

    private static SignedContent Content(string title = "Quy trình đăng ký khai sinh", string body = "## 1. Mục đích\n\nĐúng hẹn.\n", params SignedFile[] files) =>
        SignedContent.Of(title, body, files);

    [Fact]
    public void The_canonical_form_is_versioned_length_prefixed_and_lists_files_in_order()
    {
        var content = Content("Tên", "Nội dung", new SignedFile("b.pdf", KeyB, 20), new SignedFile("a.docx", KeyA, 10));

        var text = Encoding.UTF8.GetString(content.Canonical);

        Assert.Equal(
            "qmsportal-revision-signature-v1\ntitle 4\nTên\nbody 10\nNội dung\nfiles 2\n" +
            $"file 6\na.docx\nkey 64\n{KeyA}\nsize 10\nfile 5\nb.pdf\nkey 64\n{KeyB}\nsize 20\n",
            text);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content.Canonical)), content.Digest);
    }

    [Fact]
    public void The_digest_of_a_known_content_never_changes()
    {
        // Pins version 1 of the format (value computed independently with Python hashlib): a refactor that changed it would
        // silently break every signature already given.
        var content = Content(files: new SignedFile("Tờ khai.docx", KeyA, 12345));

        Assert.Equal("6750d94fa7af617c010742da2ea8a5fae1642e616e1e4ce8a74f42a633e2641e", content.Digest);
    }

    [Fact]
    public void Decomposed_Vietnamese_and_Windows_line_ends_give_the_same_digest_as_NFC_with_newlines()
    {
        var nfc = Content("Quy trình", "Dòng một.\nDòng hai.\n");
        var other = Content("Quy trình".Normalize(NormalizationForm.FormD), "Dòng một.\r\nDòng hai.\r\n".Normalize(NormalizationForm.FormD));

        Assert.Equal(nfc.Digest, other.Digest);
        Assert.Equal(nfc.Body, other.Body);
    }

    [Fact]
    public void The_order_in_which_attachments_are_listed_does_not_matter()
    {
        var first = Content(files: [new SignedFile("a.pdf", KeyA, 1), new SignedFile("b.pdf", KeyB, 2)]);
        var second = Content(files: [new SignedFile("b.pdf", KeyB, 2), new SignedFile("a.pdf", KeyA, 1)]);

        Assert.Equal(first.Digest, second.Digest);
    }

    [Theory]
    [InlineData("title")]
    [InlineData("body")]
    [InlineData("space")]
    [InlineData("file-name")]
    [InlineData("file-key")]
    [InlineData("file-size")]
    [InlineData("file-added")]
    public void Any_change_to_text_or_attachments_changes_the_digest(string change)
    {
        var file = new SignedFile("mau.pdf", KeyA, 100);
        var signed = Content(files: file);

        var changed = change switch
        {
            "title" => Content(title: "Quy trình đăng ký khai tử", files: file),
            "body" => Content(body: "## 1. Mục đích\n\nĐúng hạn.\n", files: file),
            "space" => Content(body: "## 1. Mục đích\n\nĐúng hẹn. \n", files: file),
            "file-name" => Content(files: file with { FileName = "mau2.pdf" }),
            "file-key" => Content(files: file with { ContentKey = KeyB }),
            "file-size" => Content(files: file with { Size = 101 }),
            _ => Content(files: [file, new SignedFile("them.pdf", KeyB, 5)]),
        };

        Assert.NotEqual(signed.Digest, changed.Digest);
    }

    [Fact]
    public void Moving_text_between_title_and_body_cannot_give_the_same_digest()
    {
        Assert.NotEqual(Content("AB", "C").Digest, Content("A", "BC").Digest);
        Assert.NotEqual(Content("A\nbody 1\nB", "").Digest, Content("A", "B").Digest);
    }

    [Fact]
    public void The_manifest_keeps_title_body_and_file_digests_and_reads_back()
    {
        var content = Content(files: new SignedFile("mau.pdf", KeyA, 100));

        var manifest = SignatureManifest.FromJson(content.Manifest.ToJson());

        Assert.Equal(content.TitleDigest, manifest.TitleDigest);
        Assert.Equal(content.BodyDigest, manifest.BodyDigest);
        Assert.Equal(new SignedFile("mau.pdf", KeyA, 100), Assert.Single(manifest.Files));
    }
}
