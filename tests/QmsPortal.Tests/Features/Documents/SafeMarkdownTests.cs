using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Documents;

namespace QmsPortal.Tests.Features.Documents;

public sealed class SafeMarkdownTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("<img src=x onerror=alert(1)>", "<img")]
    [InlineData("<svg onload=alert(1)>", "<svg")]
    [InlineData("[x](javascript:alert(1))", "javascript:")]
    [InlineData("[x](JaVaScRiPt:alert(1))", "avascript:")]
    [InlineData("[x](data:text/html,<script>alert(1)</script>)", "data:")]
    [InlineData("![x](javascript:alert(1))", "javascript:")]
    [InlineData("<javascript:alert(1)>", "href=\"javascript")]
    [InlineData("[x][r]\n\n[r]: vbscript:msgbox(1)", "vbscript:")]
    public void Script_vectors_never_become_markup(string markdown, string forbidden)
    {
        var html = SafeMarkdown.Render(markdown).Value!;

        Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Tables_and_safe_links_are_kept()
    {
        var html = SafeMarkdown.Render("| A | B |\n|---|---|\n| 1 | 2 |\n\n[cổng](https://dichvucong.gov.vn) [thư](mailto:a@b.vn)").Value!;

        Assert.Contains("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Bảng 1 trong nội dung\"><table class=\"table\">", html, StringComparison.Ordinal);
        Assert.Contains("</table></div>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://dichvucong.gov.vn\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"mailto:a@b.vn\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_neutralised_link_keeps_its_text()
    {
        var html = SafeMarkdown.Render("Xem [biểu mẫu](javascript:alert(1)) này.").Value!;

        Assert.Contains("biểu mẫu", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<a", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Attachments_are_judged_by_content_not_by_name()
    {
        using var html = new MemoryStream("<html><script>alert(1)</script></html>"u8.ToArray());
        Assert.Throws<DomainException>(() => AttachmentRules.Check("bieu-mau.pdf", html.Length, html));

        using var workbook = new MemoryStream(TestFiles.Xlsx());
        Assert.Throws<DomainException>(() => AttachmentRules.Check("to-khai.docx", workbook.Length, workbook));

        using var docx = new MemoryStream(TestFiles.Docx());
        var (name, type) = AttachmentRules.Check("../../Tờ khai <1>.docx", docx.Length, docx);
        Assert.Equal("Tờ khai _1_.docx", name);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", type);

        using var pdf = new MemoryStream(TestFiles.Pdf());
        Assert.Throws<DomainException>(() => AttachmentRules.Check("x.exe", pdf.Length, pdf));
        Assert.Throws<DomainException>(() => AttachmentRules.Check("x.pdf", AttachmentRules.MaxBytes + 1, pdf));
        Assert.Equal(("x.pdf", "application/pdf"), AttachmentRules.Check("x.pdf", pdf.Length, pdf));
    }
}
