using System.Net;
using System.Text;

namespace QmsPortal.Tests.Support;

/// <summary>
/// Malformed requests of the security review (issue 7, finding 7), aimed at one commune: each must be answered with
/// a Vietnamese 400 (or 413) page and a logged warning, never a 500, and must write nothing. They target the citizen
/// feedback form of a procedure (anonymous, writes a row) and the public search; the URIs are relative, so the same
/// requests run in process (PortalFactory) and against a real server (an HttpClient with a BaseAddress).
/// </summary>
public static class HostileRequests
{
    /// <summary>A procedure code for the feedback form; the guard refuses before the page runs, so any code will do.</summary>
    public const string DefaultProcedureCode = "1.001193";

    /// <param name="Name">Short name, used as the test case name.</param>
    /// <param name="Status">The expected status code.</param>
    /// <param name="Message">A part of the Vietnamese explanation the error page must show.</param>
    /// <param name="Path">The path (without query string) the warning in the log must name.</param>
    public sealed record Case(string Name, HttpStatusCode Status, string Message, Func<string, string, string> Path, Func<string, string?, string, HttpRequestMessage> Build)
    {
        /// <summary>The request for a commune; with the page's antiforgery token it also gets past token validation.</summary>
        public HttpRequestMessage Request(string slug, string? antiforgeryToken = null, string procedureCode = DefaultProcedureCode) =>
            Build(slug, antiforgeryToken, procedureCode);

        /// <summary>The path the warning in the log names (never the query string, which may hold the refused value).</summary>
        public string LoggedPath(string slug, string procedureCode = DefaultProcedureCode) => Path(slug, procedureCode);

        public override string ToString() => Name;
    }

    public static string FeedbackPath(string slug, string code = DefaultProcedureCode) => $"/{slug}/thu-tuc/{code}/bao-sai-sot";

    public static readonly Case NulInField = new("nul-in-field", HttpStatusCode.BadRequest, "ký tự điều khiển",
        (slug, code) => FeedbackPath(slug, code),
        (slug, token, code) => Form(FeedbackPath(slug, code), token, ("Input.Message", "Giấy tờ ghi sai\0 tên cơ quan cấp.")));

    public static readonly Case FiveMegabyteField = new("five-megabyte-field", HttpStatusCode.BadRequest, "quá dài",
        (slug, code) => FeedbackPath(slug, code),
        (slug, token, code) => Form(FeedbackPath(slug, code), token, ("Input.Message", new string('a', 5 * 1024 * 1024))));

    public static readonly Case TwentyThousandFields = new("twenty-thousand-fields", HttpStatusCode.BadRequest, "quá nhiều trường",
        (slug, code) => FeedbackPath(slug, code),
        (slug, token, code) => Form(FeedbackPath(slug, code), token,
            [("Input.Message", "Giấy tờ ghi sai tên cơ quan cấp."), .. Enumerable.Range(0, 20_000).Select(i => ($"f{i}", "1"))]));

    public static readonly Case QuoteInFileName = new("quote-in-file-name", HttpStatusCode.BadRequest, "tên tệp",
        (slug, code) => FeedbackPath(slug, code),
        (slug, token, code) => Multipart(FeedbackPath(slug, code), token, "form-data; name=\"upload\"; filename=\"to\"khai.pdf\""));

    public static readonly Case NulInMultipartField = new("nul-in-multipart-field", HttpStatusCode.BadRequest, "ký tự điều khiển",
        (slug, code) => FeedbackPath(slug, code),
        (slug, token, code) => Multipart(FeedbackPath(slug, code), token, "form-data; name=\"Input.Message\"", "Giấy tờ ghi sai\0 tên."));

    public static readonly Case NulInQuery = new("nul-in-query", HttpStatusCode.BadRequest, "địa chỉ",
        (slug, _) => $"/{slug}/thu-tuc",
        (slug, _, _) => new HttpRequestMessage(HttpMethod.Get, $"/{slug}/thu-tuc?q=%00"));

    public static readonly Case EscapeInQuery = new("escape-in-query", HttpStatusCode.BadRequest, "địa chỉ",
        (slug, _) => $"/{slug}/thu-tuc",
        (slug, _, _) => new HttpRequestMessage(HttpMethod.Get, $"/{slug}/thu-tuc?q=khai%1Bsinh"));

    /// <summary>Over Kestrel's default limit (30,000,000 bytes): only a real server refuses it; the in-memory test server has no limit.</summary>
    public static readonly Case OversizedBody = new("oversized-body", HttpStatusCode.RequestEntityTooLarge, "lớn quá giới hạn",
        (slug, code) => FeedbackPath(slug, code),
        (slug, token, code) =>
        {
            var request = Form(FeedbackPath(slug, code), token, ("Input.Message", new string('a', 31 * 1024 * 1024)));
            // The server answers before reading the body; without waiting for "100 Continue" the client would still be
            // sending when the server closes the connection.
            request.Headers.ExpectContinue = true;
            return request;
        });

    /// <summary>The cases every server answers alike (in process and real).</summary>
    public static IReadOnlyList<Case> All { get; } = [NulInField, FiveMegabyteField, TwentyThousandFields, QuoteInFileName, NulInMultipartField, NulInQuery, EscapeInQuery];

    private static HttpRequestMessage Form(string path, string? token, params (string Key, string Value)[] fields)
    {
        var body = new StringBuilder();
        foreach (var (key, value) in token is null ? fields : [("__qms_af", token), .. fields])
        {
            body.Append(body.Length == 0 ? "" : "&").Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body.ToString(), Encoding.ASCII, "application/x-www-form-urlencoded"),
        };
    }

    // Written by hand: HttpClient's own multipart classes would quote the file name correctly.
    private static HttpRequestMessage Multipart(string path, string? token, string contentDisposition, string value = "%PDF-1.7")
    {
        const string boundary = "----qms-hostile-boundary";
        var body = new StringBuilder();
        if (token is not null)
        {
            body.Append($"--{boundary}\r\nContent-Disposition: form-data; name=\"__qms_af\"\r\n\r\n{token}\r\n");
        }

        body.Append($"--{boundary}\r\nContent-Disposition: {contentDisposition}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{value}\r\n--{boundary}--\r\n");
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.ToString()));
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");
        return new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
    }
}
