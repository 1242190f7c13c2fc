using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Ocma.Tests.Fakes.Bluesky;

public sealed partial class BlueskyFake
{
    private int _writePoints;
    private DateTimeOffset _writeWindowReset;

    /// <summary>Write points per hour (Bluesky: 5,000; a create costs 3).</summary>
    public int WritePointsPerHour { get; set; } = 5000;

    private async Task<IResult> UploadBlob(HttpContext context)
    {
        if (Authenticate(context, out _, write: true) is { } refused)
        {
            return refused;
        }

        var mime = context.Request.ContentType;
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        if (string.IsNullOrEmpty(mime) || buffer.Length == 0)
        {
            return Error(400, "InvalidRequest", "A blob needs a body and a Content-Type");
        }

        if (buffer.Length > MaxBlobBytes)
        {
            return Error(400, "BlobTooLarge", $"This file is too large. It is {buffer.Length} bytes but the maximum size is {MaxBlobBytes} bytes.");
        }

        var blob = new BlueskyFakeBlob("bafkrei" + Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()))[..46], mime, buffer.Length);
        lock (_gate)
        {
            _blobs[blob.Cid] = blob;
        }

        return Results.Json(new { blob = new Dictionary<string, object> { ["$type"] = "blob", ["ref"] = new Dictionary<string, string> { ["$link"] = blob.Cid }, ["mimeType"] = blob.MimeType, ["size"] = blob.Size } });
    }

    private async Task<IResult> CreateRecord(HttpContext context)
    {
        if (Authenticate(context, out var session, write: true) is { } refused)
        {
            return refused;
        }

        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        BlueskyFakeRecord stored;
        lock (_gate)
        {
            if (Now >= _writeWindowReset)
            {
                (_writePoints, _writeWindowReset) = (0, Now.AddHours(1));
            }

            RateHeaders(context, WritePointsPerHour, WritePointsPerHour - _writePoints - 3, _writeWindowReset, 3600);
            if (_writePoints + 3 > WritePointsPerHour)
            {
                return Error(429, "RateLimitExceeded", "Rate Limit Exceeded");
            }

            var repo = (string?)body["repo"];
            if (repo != session.Did && FindAccount(repo ?? string.Empty)?.Did != session.Did)
            {
                return Error(400, "InvalidRequest", "Invalid repo: the session does not own it");
            }

            if (body["record"] is not JsonObject record)
            {
                return Error(400, "InvalidRequest", "Missing record");
            }

            if (RecordProblem((string?)body["collection"], record) is { } problem)
            {
                return Error(400, "InvalidRequest", problem);
            }

            var rkey = (string?)body["rkey"] ?? NewTid();
            if (!TidPattern().IsMatch(rkey))
            {
                return Error(400, "InvalidRequest", "Invalid record key");
            }

            var uri = $"at://{session.Did}/app.bsky.feed.post/{rkey}";
            if (_records.Any(r => r.Uri == uri))
            {
                // The reference PDS does not check first: the repository's storage refuses the duplicate key and the
                // request ends in its generic 500, which says nothing about the record that is already there.
                return Error(500, "InternalServerError", "Internal Server Error");
            }

            _writePoints += 3;
            stored = new BlueskyFakeRecord(uri, "bafyrei" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(record.ToJsonString())))[..46], rkey, (JsonObject)record.DeepClone(), Now);
            _records.Add(stored);
        }

        if (DropAfterCommitNext)
        {
            DropAfterCommitNext = false;
            context.Abort();
            return Results.Empty;
        }

        if (FailAfterCommitNext is int status)
        {
            FailAfterCommitNext = null;
            return Error(status, "UpstreamFailure", "Upstream Failure");
        }

        return Results.Json(new { uri = stored.Uri, cid = stored.Cid, commit = new { cid = "bafyreicommit", rev = NewTid() }, validationStatus = "valid" });
    }

    private IResult GetRecord(HttpContext context, string? repo, string? collection, string? rkey)
    {
        lock (_gate)
        {
            var uri = $"at://{repo}/{collection}/{rkey}";
            var found = _records.FirstOrDefault(r => r.Uri == uri);
            return found is null
                ? Error(400, "RecordNotFound", "Could not locate record: " + uri)
                : Results.Json(new { uri = found.Uri, cid = found.Cid, value = found.Value });
        }
    }

    private string NewTid()
    {
        const string alphabet = "234567abcdefghijklmnopqrstuvwxyz";
        var value = ((ulong)Now.ToUnixTimeMilliseconds() * 1000 + (ulong)_records.Count) << 10;
        var chars = new char[13];
        for (var i = 12; i >= 0; i--, value >>= 5)
        {
            chars[i] = alphabet[(int)(value & 31)];
        }

        return new string(chars);
    }

    [GeneratedRegex("^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$")]
    private static partial Regex TidPattern();
}
