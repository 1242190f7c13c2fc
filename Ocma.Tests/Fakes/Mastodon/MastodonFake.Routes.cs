using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Ocma.Tests.Fakes.Mastodon;

public sealed partial class MastodonFake
{
    private void Map(WebApplication app)
    {
        app.MapPost("/api/v1/apps", (Func<HttpContext, Task<IResult>>)RegisterApp);
        app.MapGet("/oauth/authorize", Authorize);
        app.MapPost("/oauth/token", (Func<HttpContext, Task<IResult>>)Token);
        app.MapGet("/api/v1/accounts/verify_credentials", (HttpContext c) => Authenticate(c, out _) ?? Results.Json(Account()));
        app.MapPost("/api/v2/media", (Func<HttpContext, Task<IResult>>)Upload);
        app.MapGet("/api/v1/media/{id}", MediaState);
        app.MapPost("/api/v1/statuses", (Func<HttpContext, Task<IResult>>)PostStatus);
        app.MapGet("/api/v1/accounts/{id}/statuses", ListStatuses);
        app.MapGet("/api/v2/instance", () => Results.Json(new { configuration = new { statuses = new { max_characters = MaxCharacters, max_media_attachments = 4 } } }));
    }

    private async Task<IResult> RegisterApp(HttpContext context)
    {
        using var json = await JsonDocument.ParseAsync(context.Request.Body);
        var root = json.RootElement;
        var redirects = root.GetProperty("redirect_uris").GetString()!.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        var scopes = (root.TryGetProperty("scopes", out var s) ? s.GetString()! : "read").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var created = new MastodonFakeApp(FakeOAuth.NewSecret("cid_"), FakeOAuth.NewSecret("csec_"), redirects, scopes);
        lock (_gate)
        {
            _apps[created.ClientId] = created;
        }

        return Results.Json(new { id = "1", name = root.GetProperty("client_name").GetString(), client_id = created.ClientId, client_secret = created.ClientSecret, redirect_uri = string.Join('\n', redirects) });
    }

    private IResult Authorize(string? response_type, string? client_id, string? redirect_uri, string? scope, string? state, string? code_challenge, string? code_challenge_method)
    {
        lock (_gate)
        {
            if (client_id is null || !_apps.TryGetValue(client_id, out var client))
            {
                return Error(401, "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.");
            }

            if (redirect_uri is null || !client.RedirectUris.Contains(redirect_uri, StringComparer.Ordinal))
            {
                return Error(400, "The redirect uri included is not valid.");
            }

            var requested = (scope ?? "read").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (response_type != "code" || requested.Except(client.Scopes).Any())
            {
                return FakeOAuth.RedirectWith(redirect_uri, ("error", response_type != "code" ? "unsupported_response_type" : "invalid_scope"), ("state", state));
            }

            var code = FakeOAuth.NewSecret("code_");
            _codes[code] = new MastodonFakeCode(client_id, redirect_uri, code_challenge, code_challenge_method ?? "plain", string.Join(' ', requested), Now);
            return FakeOAuth.RedirectWith(redirect_uri, ("code", code), ("state", state));
        }
    }

    private async Task<IResult> Token(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        lock (_gate)
        {
            if (!_apps.TryGetValue(form["client_id"].ToString(), out var client) || client.ClientSecret != form["client_secret"].ToString())
            {
                return Results.Json(new { error = "invalid_client", error_description = "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method." }, statusCode: 401);
            }

            var invalid = Results.Json(new { error = "invalid_grant", error_description = "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client." }, statusCode: 400);
            if (form["grant_type"] != "authorization_code" || !_codes.TryGetValue(form["code"].ToString(), out var code))
            {
                return invalid;
            }

            var firstUse = !code.Used;
            code.Used = true;
            var pkceOk = code.Challenge is null || FakeOAuth.VerifierMatches(form["code_verifier"], code.Challenge, code.ChallengeMethod);
            if (!firstUse || code.ClientId != client.ClientId || code.RedirectUri != form["redirect_uri"] || Now - code.IssuedAt > TimeSpan.FromMinutes(10) || !pkceOk)
            {
                return invalid;
            }

            var token = FakeOAuth.NewSecret("mat_");
            _tokens[token] = new MastodonFakeToken(AccountId, code.Scope);
            return Results.Json(new { access_token = token, token_type = "Bearer", scope = code.Scope, created_at = Now.ToUnixTimeSeconds() });
        }
    }

    private async Task<IResult> Upload(HttpContext context)
    {
        if (Authenticate(context, out var token) is { } refused)
        {
            return refused;
        }

        var form = await context.Request.ReadFormAsync();
        if (form.Files["file"] is not { Length: > 0 } file)
        {
            return Error(422, "Validation failed: File can't be blank");
        }

        var isVideo = file.ContentType.StartsWith("video/", StringComparison.Ordinal);
        if (isVideo && file.Length > VideoSizeLimit)
        {
            return Error(422, $"Validation failed: File file size must be less than {VideoSizeLimit / (1024 * 1024)} MB");
        }

        lock (_gate)
        {
            var media = new MastodonFakeMedia((100_000 + _media.Count).ToString(CultureInfo.InvariantCulture), token.AccountId, form["description"].FirstOrDefault(), file.Length)
            {
                PollsLeft = isVideo ? VideoProcessingPolls : MediaProcessingPolls,
                Type = isVideo ? "video" : "image",
            };
            _media[media.Id] = media;
            return media.PollsLeft == 0
                ? Results.Json(MediaJson(media, ready: true))
                : Results.Json(MediaJson(media, ready: false), statusCode: 202);
        }
    }

    private IResult MediaState(HttpContext context, string id)
    {
        if (Authenticate(context, out var token) is { } refused)
        {
            return refused;
        }

        lock (_gate)
        {
            if (!_media.TryGetValue(id, out var media) || media.AccountId != token.AccountId)
            {
                return Error(404, "Record not found");
            }

            if (media.PollsLeft > 0)
            {
                media.PollsLeft--;
                return Results.Json(MediaJson(media, ready: false), statusCode: 206);
            }

            return Results.Json(MediaJson(media, ready: true));
        }
    }

    private object MediaJson(MastodonFakeMedia media, bool ready) =>
        new { id = media.Id, type = media.Type, url = ready ? new Uri(BaseUrl, "system/media/" + media.Id + (media.Type == "video" ? ".mp4" : ".jpg")).ToString() : null, preview_url = (string?)null };

    private object Account() => new { id = AccountId, username = "team", acct = "team", display_name = "Ocma Team", url = new Uri(BaseUrl, "@team").ToString() };

    private object StatusJson(MastodonFakeStatus status) => new
    {
        id = status.Id,
        created_at = status.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        content = Html(status.Text),
        url = HostileStatusUrl ?? new Uri(BaseUrl, "@team/" + status.Id).ToString(),
        uri = HostileStatusUrl ?? new Uri(BaseUrl, "users/team/statuses/" + status.Id).ToString(),
        visibility = "public",
        media_attachments = status.MediaIds.Select(id => new { id, type = _media.TryGetValue(id, out var media) ? media.Type : "image" }),
        account = Account(),
    };

    /// <summary>Renders text the way Mastodon does: paragraphs, line breaks, links with hidden scheme spans.</summary>
    private static string Html(string text)
    {
        var encoded = WebUtility.HtmlEncode(text);
        encoded = UrlPattern().Replace(encoded, m =>
            $"<a href=\"{m.Value}\" rel=\"nofollow noopener\" target=\"_blank\"><span class=\"invisible\">{m.Groups[1].Value}</span><span class=\"\">{m.Groups[2].Value}</span></a>");
        var paragraphs = encoded.Split("\n\n").Select(p => "<p>" + p.Replace("\n", "<br />", StringComparison.Ordinal) + "</p>");
        return string.Concat(paragraphs);
    }

    [GeneratedRegex(@"(https?://)([^\s<]+)")]
    private static partial Regex UrlPattern();

    /// <summary>Mastodon's count: characters, with every URL counted as 23.</summary>
    private static int CountCharacters(string text) =>
        new StringInfo(UrlPattern().Replace(text, new string('x', 23))).LengthInTextElements;
}
