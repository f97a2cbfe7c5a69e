using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace QmsPortal.Tests.Support;

/// <summary>Reads pages as a browser would (AngleSharp) and posts forms with their antiforgery token.</summary>
public static class Html
{
    private static readonly IBrowsingContext Browser = BrowsingContext.New(Configuration.Default);

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return await Browser.OpenAsync(req => req.Content(html).Address(response.RequestMessage?.RequestUri?.ToString() ?? "http://localhost/"));
    }

    public static async Task<IDocument> GetDocumentAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} returned {(int)response.StatusCode}");
        return await ParseAsync(response);
    }

    /// <summary>
    /// Loads the page at <paramref name="pageUrl"/>, takes the form of the main content (the one whose action or handler matches
    /// <paramref name="handler"/>, else the first with a token), fills the given fields over its current values and submits it.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, Dictionary<string, string> fields, string? handler = null) =>
        await SubmitAsync(client, await GetDocumentAsync(client, pageUrl), fields, handler, pageUrl);

    /// <summary>
    /// Submits a form of a page already loaded (a confirmation step, a form shown again) as <see cref="PostFormAsync"/> does;
    /// <paramref name="formAction"/> stands for a submit button's own formaction.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, IDocument page, Dictionary<string, string> fields, string? handler = null,
        string? pageUrl = null, string? formAction = null)
    {
        var forms = page.QuerySelectorAll<IHtmlFormElement>("main form[method=post]").Where(f => f.QuerySelector("input[name=__qms_af]") is not null);
        var form = handler is null
            ? forms.First()
            : forms.First(f => (f.GetAttribute("action") ?? "").Contains("handler=" + handler, StringComparison.OrdinalIgnoreCase));
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (name is null || fields.ContainsKey(name))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when !box.IsChecked:
                case IHtmlButtonElement:
                    break;
                case IHtmlInputElement input:
                    values.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement area:
                    values.Add(new(name, area.Value));
                    break;
                case IHtmlSelectElement select:
                    values.Add(new(name, select.Value ?? ""));
                    break;
            }
        }

        values.AddRange(fields);
        var action = formAction ?? form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUrl ?? page.Url : action;
        return await client.PostAsync(target, new FormUrlEncodedContent(values));
    }

    /// <summary>The validation message shown next to a field, or null.</summary>
    public static string? FieldError(IDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() is { Length: > 0 } text ? text : null;
}
