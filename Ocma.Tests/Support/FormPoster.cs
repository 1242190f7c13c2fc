using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Ocma.Tests.Support;

/// <summary>Submits the console's server-rendered forms over HTTP like a browser: fetch the page, keep its hidden fields (antiforgery, handler), fill, post.</summary>
public static class FormPoster
{
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, IReadOnlyDictionary<string, string> fields, string? formAction = null)
    {
        var html = await client.GetStringAsync(pageUrl);
        var document = new HtmlParser().ParseDocument(html);
        var form = document.QuerySelectorAll("form").OfType<IHtmlFormElement>().FirstOrDefault(f => formAction is null || f.GetAttribute("action") == formAction)
            ?? throw new InvalidOperationException($"No form on {pageUrl}");
        var values = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name))
            .ToDictionary(i => i.Name!, i => i.Value);
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUrl : action;
        return await client.PostAsync(target, new FormUrlEncodedContent(values));
    }

    public static async Task<string> SignInAsync(HttpClient client, string email, string password)
    {
        var response = await SubmitAsync(client, "/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        return response.StatusCode == System.Net.HttpStatusCode.Redirect ? "signed-in" : await response.Content.ReadAsStringAsync();
    }
}
