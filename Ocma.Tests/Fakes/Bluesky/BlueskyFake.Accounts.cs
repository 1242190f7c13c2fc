using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Ocma.Tests.Fakes.Bluesky;

/// <summary>The accounts this server hosts, their app passwords, and the identity documents naming their server.</summary>
public sealed partial class BlueskyFake
{
    private readonly List<BlueskyFakeAccount> _accounts = [Team, Friend];
    private readonly Dictionary<string, List<string>> _appPasswords = new()
    {
        [Team.Did] = [Team.AppPassword],
        [Friend.Did] = [Friend.AppPassword],
    };

    private readonly HashSet<string> _deactivated = [];

    /// <summary>The server the identity documents served here name as the accounts' PDS; this fake itself when null.</summary>
    public Uri? PdsInDidDocuments { get; set; }

    /// <summary>The address of the PLC directory this fake also plays (<c>{BaseUrl}plc</c>).</summary>
    public Uri PlcDirectoryUrl => new(BaseUrl, "plc");

    public void AddAccount(BlueskyFakeAccount account)
    {
        lock (_gate)
        {
            _accounts.Add(account);
            _appPasswords[account.Did] = [account.AppPassword];
        }
    }

    /// <summary>An account whose identity is did:web on this server's own domain (its document at /.well-known/did.json).</summary>
    public BlueskyFakeAccount AddWebAccount(string handle, string appPassword)
    {
        var account = new BlueskyFakeAccount("did:web:" + BaseUrl.Authority.Replace(":", "%3A", StringComparison.Ordinal), handle, appPassword);
        AddAccount(account);
        return account;
    }

    /// <summary>Settings → App passwords → Add: a new app password for the account.</summary>
    public string NewAppPassword(BlueskyFakeAccount account)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        var password = string.Join('-', Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString(alphabet, 4)));
        lock (_gate)
        {
            _appPasswords[account.Did].Add(password);
        }

        return password;
    }

    /// <summary>
    /// Settings → App passwords → Delete, as the reference PDS does it: the password stops signing in and its sessions'
    /// refresh JWTs are revoked, but access JWTs already issued keep working until they expire.
    /// </summary>
    public void RevokeAppPassword(BlueskyFakeAccount account, string appPassword)
    {
        lock (_gate)
        {
            _appPasswords[account.Did].Remove(appPassword);
            _sessions.Where(s => s.Did == account.Did && s.AppPassword == appPassword).ToList().ForEach(s => s.RefreshRevoked = true);
        }
    }

    /// <summary>The account holder deactivated the account: sign-in still works (active: false), writes are refused.</summary>
    public void Deactivate(BlueskyFakeAccount account)
    {
        lock (_gate)
        {
            _deactivated.Add(account.Did);
        }
    }

    private BlueskyFakeAccount? FindAccount(string identifier)
    {
        lock (_gate)
        {
            return _accounts.FirstOrDefault(a => a.Handle == identifier || a.Did == identifier);
        }
    }

    private bool SignsIn(BlueskyFakeAccount account, string? password) => password is not null && _appPasswords[account.Did].Contains(password);

    private object DidDocument(BlueskyFakeAccount account) => new
    {
        id = account.Did,
        alsoKnownAs = new[] { "at://" + account.Handle },
        service = new[] { new { id = "#atproto_pds", type = "AtprotoPersonalDataServer", serviceEndpoint = (PdsInDidDocuments ?? BaseUrl).ToString().TrimEnd('/') } },
    };

    private IResult ResolveHandle(string? handle)
    {
        var account = handle is null ? null : FindAccount(handle);
        lock (_gate)
        {
            return account is null || _deactivated.Contains(account.Did)
                ? Error(400, "InvalidRequest", "Unable to resolve handle")
                : Results.Json(new { did = account.Did });
        }
    }

    /// <summary>GET https://plc.directory/{did}, as the PLC directory answers.</summary>
    private IResult PlcDocument(string did) =>
        did.StartsWith("did:plc:", StringComparison.Ordinal) && FindAccount(did) is { } account
            ? Results.Json(DidDocument(account))
            : Results.Json(new { message = "DID not registered: " + did }, statusCode: 404);

    /// <summary>GET https://{domain}/.well-known/did.json for the did:web account on this domain.</summary>
    private IResult WebDocument()
    {
        lock (_gate)
        {
            var account = _accounts.FirstOrDefault(a => a.Did.StartsWith("did:web:", StringComparison.Ordinal));
            return account is null ? Results.NotFound() : Results.Json(DidDocument(account));
        }
    }
}
