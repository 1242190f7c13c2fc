using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ocma.Core.Data;

namespace Ocma.Core.Sandbox;

/// <summary>
/// The practice platform's OAuth server: single-use codes bound to the redirect URI and a PKCE challenge,
/// expiring access tokens and rotating refresh tokens. Only hashes of codes and tokens are stored.
/// </summary>
public sealed class SandboxAuthServer(IDbContextFactory<OcmaDbContext> dbFactory, IOptions<SandboxOptions> options, TimeProvider time)
{
    public const string ClientId = "ocma-console";

    /// <summary>The consent page calls this when the person clicks Authorize.</summary>
    public async Task<string> IssueCodeAsync(string handle, string redirectUri, string codeChallenge, CancellationToken cancellationToken)
    {
        var normalized = NormalizeHandle(handle);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = await db.SandboxAccounts.SingleOrDefaultAsync(a => a.Handle == normalized, cancellationToken);
        if (account is null)
        {
            account = new SandboxAccount { Handle = normalized, DisplayName = normalized.TrimStart('@'), CreatedUtc = Now };
            db.SandboxAccounts.Add(account);
            await db.SaveChangesAsync(cancellationToken);
        }

        var code = SandboxHashing.NewSecret("sbc");
        db.SandboxCredentials.Add(new SandboxCredential
        {
            AccountId = account.Id,
            Kind = SandboxCredentialKind.AuthorizationCode,
            Hash = SandboxHashing.Hash(code),
            ExpiresUtc = Now + options.Value.CodeLifetime,
            RedirectUri = redirectUri,
            CodeChallenge = codeChallenge,
        });
        await db.SaveChangesAsync(cancellationToken);
        return code;
    }

    public async Task<SandboxResponse<SandboxTokens>> ExchangeCodeAsync(string code, string redirectUri, string codeVerifier, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var hash = SandboxHashing.Hash(code);
        var stored = await db.SandboxCredentials.SingleOrDefaultAsync(c => c.Hash == hash && c.Kind == SandboxCredentialKind.AuthorizationCode, cancellationToken);
        if (stored is null || stored.ExpiresUtc <= Now)
        {
            return SandboxResponse<SandboxTokens>.Fail(400, "invalid_grant", "The authorization code is unknown or expired.");
        }

        // Single use: the conditional update is the claim, so two exchanges of one code cannot both win.
        var claimed = await db.SandboxCredentials.Where(c => c.Id == stored.Id && !c.Used)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Used, true), cancellationToken);
        if (claimed == 0)
        {
            return SandboxResponse<SandboxTokens>.Fail(400, "invalid_grant", "The authorization code was already used.");
        }

        if (!string.Equals(stored.RedirectUri, redirectUri, StringComparison.Ordinal))
        {
            return SandboxResponse<SandboxTokens>.Fail(400, "invalid_grant", "The redirect URI does not match the one the code was issued for.");
        }

        if (!string.Equals(stored.CodeChallenge, Channels.Pkce.Challenge(codeVerifier), StringComparison.Ordinal))
        {
            return SandboxResponse<SandboxTokens>.Fail(400, "invalid_grant", "The PKCE code verifier does not match the challenge.");
        }

        return SandboxResponse<SandboxTokens>.Ok(await IssueTokensAsync(db, stored.AccountId, cancellationToken));
    }

    /// <summary>Rotating refresh: the old refresh token stops working once used.</summary>
    public async Task<SandboxResponse<SandboxTokens>> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var hash = SandboxHashing.Hash(refreshToken);
        var stored = await db.SandboxCredentials.SingleOrDefaultAsync(c => c.Hash == hash && c.Kind == SandboxCredentialKind.RefreshToken, cancellationToken);
        var claimed = stored is null ? 0 : await db.SandboxCredentials.Where(c => c.Id == stored.Id && !c.Used)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Used, true), cancellationToken);
        return claimed == 0
            ? SandboxResponse<SandboxTokens>.Fail(400, "invalid_grant", "The refresh token is unknown, revoked or already used.")
            : SandboxResponse<SandboxTokens>.Ok(await IssueTokensAsync(db, stored!.AccountId, cancellationToken));
    }

    /// <summary>The account an access token belongs to, or the platform's 401 answer.</summary>
    public async Task<SandboxResponse<SandboxAccount>> AuthenticateAsync(string accessToken, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var hash = SandboxHashing.Hash(accessToken);
        var token = await db.SandboxCredentials.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Hash == hash && c.Kind == SandboxCredentialKind.AccessToken, cancellationToken);
        if (token is null || token.Used)
        {
            return SandboxResponse<SandboxAccount>.Fail(401, "invalid_token", "The access token is invalid or was revoked.");
        }

        if (token.ExpiresUtc <= Now)
        {
            return SandboxResponse<SandboxAccount>.Fail(401, "token_expired", "The access token has expired.");
        }

        var account = await db.SandboxAccounts.AsNoTracking().SingleAsync(a => a.Id == token.AccountId, cancellationToken);
        return SandboxResponse<SandboxAccount>.Ok(account);
    }

    /// <summary>Revokes every token of the account, as a person removing the app's access would.</summary>
    public async Task RevokeAllAsync(int accountId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.SandboxCredentials.Where(c => c.AccountId == accountId && c.Kind != SandboxCredentialKind.AuthorizationCode)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Used, true), cancellationToken);
    }

    public static string NormalizeHandle(string handle)
    {
        var trimmed = handle.Trim().TrimStart('@').ToLowerInvariant();
        return "@" + trimmed;
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private async Task<SandboxTokens> IssueTokensAsync(OcmaDbContext db, int accountId, CancellationToken cancellationToken)
    {
        var access = SandboxHashing.NewSecret("sba");
        var refresh = SandboxHashing.NewSecret("sbr");
        var lifetime = options.Value.AccessTokenLifetime;
        db.SandboxCredentials.AddRange(
            new SandboxCredential { AccountId = accountId, Kind = SandboxCredentialKind.AccessToken, Hash = SandboxHashing.Hash(access), ExpiresUtc = Now + lifetime },
            new SandboxCredential { AccountId = accountId, Kind = SandboxCredentialKind.RefreshToken, Hash = SandboxHashing.Hash(refresh), ExpiresUtc = Now.AddDays(90) });
        await db.SaveChangesAsync(cancellationToken);
        var account = await db.SandboxAccounts.AsNoTracking().SingleAsync(a => a.Id == accountId, cancellationToken);
        return new SandboxTokens(access, refresh, (int)lifetime.TotalSeconds, account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), account.Handle, account.DisplayName);
    }
}
