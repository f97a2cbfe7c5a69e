using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Shared;

/// <summary>
/// Refuses requests no page can handle before any page sees them: a form that cannot be read (too many fields, a
/// field over the length limit, a broken multipart section such as a quote in a file name, a body over the size limit)
/// or a form value or query string holding a control character (NUL breaks PostgreSQL text at save time). The answer
/// is 400 (413 for a body that is too large) with the Vietnamese status page saying what was wrong, and a warning
/// naming the path and the reason, never the value. Without it these surfaced as a 500 of the status page itself,
/// which could not read the broken form either.
/// </summary>
public sealed class RequestInputGuard(RequestDelegate next, IOptions<FormOptions> formOptions, ILogger<RequestInputGuard> logger)
{
    /// <summary>HttpContext item holding the Vietnamese explanation of a refused request, for the status page.</summary>
    public const string ProblemItem = "qms:request-problem";

    private sealed record Refusal(int Status, string Message, string Reason);

    public async Task InvokeAsync(HttpContext context)
    {
        // The status page is re-executed on the same context: the request was judged once already.
        if (context.Items.ContainsKey(ProblemItem))
        {
            await next(context);
            return;
        }

        var refusal = CheckQuery(context.Request.Query);
        if (refusal is null && context.Request.HasFormContentType)
        {
            refusal = await CheckFormAsync(context);
        }

        if (refusal is null)
        {
            await next(context);
            return;
        }

        logger.LogWarning("Refused {Method} {Path} with {Status}: {Reason}", context.Request.Method, Printable(context.Request.Path.Value ?? "", 200), refusal.Status, refusal.Reason);
        // The status page runs as a POST too; an empty form keeps it from reading the broken one again.
        context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
        context.Items[ProblemItem] = refusal.Message;
        context.Response.StatusCode = refusal.Status;
    }

    private async Task<Refusal?> CheckFormAsync(HttpContext context)
    {
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (BadHttpRequestException e)
        {
            return e.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? TooLarge("request body over the size limit")
                : new Refusal(StatusCodes.Status400BadRequest, Unreadable, "unreadable request body: " + Printable(e.Message, 200));
        }
        catch (InvalidDataException e)
        {
            return Explain(e);
        }

        foreach (var (key, values) in form)
        {
            if (HasControlCharacter(key) || values.Any(HasControlCharacter))
            {
                return new Refusal(StatusCodes.Status400BadRequest, ControlInForm, $"control character in form field '{Printable(key, 80)}'");
            }
        }

        foreach (var file in form.Files)
        {
            if (HasControlCharacter(file.Name) || HasControlCharacter(file.FileName))
            {
                return new Refusal(StatusCodes.Status400BadRequest, ControlInFileName, $"control character in the name of file field '{Printable(file.Name, 80)}'");
            }
        }

        NormaliseLineEndings(context, form);
        return null;
    }

    /// <summary>
    /// Browsers send text areas with CRLF line ends. Pages store and show LF only: a CR kept in a value that a form
    /// shows again (after a validation error) is written as the stray entity <c>&amp;#xD;</c>, which HTML forbids.
    /// </summary>
    private static void NormaliseLineEndings(HttpContext context, IFormCollection form)
    {
        if (!form.Any(field => field.Value.Any(v => v?.Contains('\r', StringComparison.Ordinal) == true)))
        {
            return;
        }

        var fields = form.ToDictionary(field => field.Key,
            field => new Microsoft.Extensions.Primitives.StringValues([.. field.Value.Select(v => v?.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'))]),
            StringComparer.OrdinalIgnoreCase);
        context.Features.Set<IFormFeature>(new FormFeature(new FormCollection(fields, form.Files)));
    }

    private static Refusal? CheckQuery(IQueryCollection query)
    {
        foreach (var (key, values) in query)
        {
            if (HasControlCharacter(key) || values.Any(HasControlCharacter))
            {
                return new Refusal(StatusCodes.Status400BadRequest,
                    "Địa chỉ trang chứa ký tự điều khiển không hợp lệ (như ký tự NUL). Hãy kiểm tra lại địa chỉ hoặc nội dung tìm kiếm.",
                    $"control character in query parameter '{Printable(key, 80)}'");
            }
        }

        return null;
    }

    // The framework says what went wrong only in the exception's English text; anything unrecognised still gets a 400.
    private Refusal Explain(InvalidDataException e)
    {
        var limits = formOptions.Value;
        var message = e.Message;
        if (message.StartsWith("Form value count limit", StringComparison.Ordinal))
        {
            return new Refusal(StatusCodes.Status400BadRequest,
                $"Biểu mẫu gửi lên có quá nhiều trường (tối đa {limits.ValueCountLimit.ToString("#,0", VietnameseFormat.Culture)} trường).", "too many form fields");
        }

        if (message.StartsWith("Form value length limit", StringComparison.Ordinal) || message.StartsWith("Form key length limit", StringComparison.Ordinal))
        {
            return new Refusal(StatusCodes.Status400BadRequest,
                $"Một trường của biểu mẫu quá dài (tối đa {limits.ValueLengthLimit / 1024 / 1024} MB cho mỗi trường).", "form field over the length limit");
        }

        if (message.StartsWith("Multipart body length limit", StringComparison.Ordinal))
        {
            return TooLarge("multipart body over the length limit");
        }

        if (message.Contains("invalid characters", StringComparison.Ordinal))
        {
            return new Refusal(StatusCodes.Status400BadRequest, ControlInForm, "control character in the form");
        }

        if (message.Contains("Content-Disposition", StringComparison.Ordinal))
        {
            return new Refusal(StatusCodes.Status400BadRequest,
                "Phần tệp đính kèm của biểu mẫu sai định dạng: tên tệp hoặc tên trường không hợp lệ (ví dụ chứa dấu nháy kép \"). Hãy đổi tên tệp rồi gửi lại.",
                "malformed Content-Disposition of a multipart section");
        }

        return new Refusal(StatusCodes.Status400BadRequest, Unreadable, "unreadable form: " + Printable(message, 200));
    }

    private static Refusal TooLarge(string reason) => new(StatusCodes.Status413PayloadTooLarge,
        "Dữ liệu gửi lên lớn quá giới hạn cho phép của trang này. Hãy gửi tệp nhỏ hơn.", reason);

    private const string ControlInForm = "Dữ liệu gửi lên chứa ký tự điều khiển không hợp lệ (như ký tự NUL). Hãy xóa ký tự đó rồi gửi lại.";
    private const string ControlInFileName = "Tên tệp gửi lên chứa ký tự điều khiển không hợp lệ. Hãy đổi tên tệp rồi gửi lại.";
    private const string Unreadable = "Biểu mẫu gửi lên sai định dạng, không đọc được. Hãy tải lại trang và gửi lại.";

    /// <summary>C0 control characters other than tab, line feed and carriage return, which text areas legitimately hold.</summary>
    public static bool HasControlCharacter(string? value) =>
        value is not null && value.Any(c => c < ' ' && c is not ('\t' or '\n' or '\r'));

    // Paths, field names and framework messages carry text chosen by the sender: only printable, never long, in the log.
    private static string Printable(string text, int max) => new([.. text.Take(max).Select(c => char.IsControl(c) ? '?' : c)]);
}
