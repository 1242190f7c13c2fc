using System.Net;

namespace Ocma.Web.Endpoints;

/// <summary>A plain 400 page for a browser round trip that failed: what went wrong and a link to go on. Nothing was stored.</summary>
public static class PlainProblemPage
{
    public static IResult Create(string title, string message, string backUrl, string backText) => Results.Content(
        $"""
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(title)} · Ocma</title>
        <link rel="stylesheet" href="/app.css"></head>
        <body class="plain-page"><main class="plain-card"><h1>{WebUtility.HtmlEncode(title)}</h1>
        <p role="alert">{WebUtility.HtmlEncode(message)}</p><p><a href="{WebUtility.HtmlEncode(backUrl)}">{WebUtility.HtmlEncode(backText)}</a></p></main></body></html>
        """,
        "text/html; charset=utf-8",
        statusCode: StatusCodes.Status400BadRequest);
}
