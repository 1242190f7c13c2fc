using System.Text.Json.Nodes;

namespace Ocma.Tests.Fakes.Bluesky;

/// <param name="AppPassword">The app password the account starts with (more can be made and revoked on the fake).</param>
public sealed record BlueskyFakeAccount(string Did, string Handle, string AppPassword);

/// <param name="AppPassword">The app password that opened the session; revoking it ends the session's renewals.</param>
public sealed record BlueskyFakeSession(string Did, string AppPassword, string AccessJwt, string RefreshJwt, DateTimeOffset AccessExpires)
{
    public bool RefreshUsed { get; set; }

    /// <summary>The refresh JWT is refused ("Token has been revoked"); the access JWT keeps working until it expires.</summary>
    public bool RefreshRevoked { get; set; }

    /// <summary>Neither JWT verifies any more (the server lost the session).</summary>
    public bool Forgotten { get; set; }
}

public sealed record BlueskyFakeBlob(string Cid, string MimeType, long Size);

public sealed record BlueskyFakeRecord(string Uri, string Cid, string Rkey, JsonObject Value, DateTimeOffset StoredAt);
