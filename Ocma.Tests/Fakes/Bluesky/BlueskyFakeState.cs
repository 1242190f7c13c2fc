using System.Text.Json.Nodes;

namespace Ocma.Tests.Fakes.Bluesky;

public sealed record BlueskyFakeAccount(string Did, string Handle, string AppPassword);

public sealed record BlueskyFakeSession(string Did, string AccessJwt, string RefreshJwt, DateTimeOffset AccessExpires)
{
    public bool RefreshUsed { get; set; }

    public bool Revoked { get; set; }
}

public sealed record BlueskyFakeBlob(string Cid, string MimeType, long Size);

public sealed record BlueskyFakeRecord(string Uri, string Cid, string Rkey, JsonObject Value, DateTimeOffset StoredAt);
