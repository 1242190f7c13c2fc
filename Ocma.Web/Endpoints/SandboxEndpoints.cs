using Microsoft.AspNetCore.Mvc;
using Ocma.Core.Sandbox;

namespace Ocma.Web.Endpoints;

/// <summary>The practice platform's consent decision: issues a single-use code, or reports the denial, back to the client's redirect URI.</summary>
public static class SandboxEndpoints
{
    public static WebApplication MapSandboxEndpoints(this WebApplication app)
    {
        app.MapPost("/sandbox/authorize/decision", async ([FromForm] SandboxConsent consent, HttpContext http, SandboxAuthServer auth) =>
        {
            var check = SandboxConsentRules.Check(consent.ClientId, consent.RedirectUri, consent.CodeChallenge, http.Request.Host.Value ?? "");
            if (check is not null)
            {
                return Results.BadRequest(check);
            }

            var separator = consent.RedirectUri!.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            if (consent.Decision != "allow")
            {
                return Results.Redirect($"{consent.RedirectUri}{separator}error=access_denied&state={Uri.EscapeDataString(consent.State ?? "")}");
            }

            if (string.IsNullOrWhiteSpace(consent.Handle) || consent.Handle.Trim().TrimStart('@').Length is < 2 or > 30)
            {
                return Results.BadRequest("Choose a handle of 2 to 30 characters.");
            }

            var code = await auth.IssueCodeAsync(consent.Handle, consent.RedirectUri, consent.CodeChallenge!, http.RequestAborted);
            return Results.Redirect($"{consent.RedirectUri}{separator}code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(consent.State ?? "")}");
        }).RequireAuthorization();
        return app;
    }
}

public sealed class SandboxConsent
{
    public string? ClientId { get; set; }

    public string? RedirectUri { get; set; }

    public string? State { get; set; }

    public string? CodeChallenge { get; set; }

    public string? Handle { get; set; }

    public string? Decision { get; set; }
}

/// <summary>What the practice platform accepts from a client, like a real platform's app registration.</summary>
public static class SandboxConsentRules
{
    public static string? Check(string? clientId, string? redirectUri, string? codeChallenge, string requestHost)
    {
        if (clientId != Core.Channels.PlatformAppResolver.SandboxClientId)
        {
            return "Unknown client_id: this practice platform only knows the Ocma console.";
        }

        if (!Uri.TryCreate(redirectUri, UriKind.Absolute, out var redirect) || redirect.AbsolutePath != "/oauth/sandbox/callback"
            || !string.Equals(redirect.Authority, requestHost, StringComparison.OrdinalIgnoreCase))
        {
            return "The redirect_uri is not registered for this client.";
        }

        return string.IsNullOrWhiteSpace(codeChallenge) ? "A PKCE code_challenge is required." : null;
    }
}
