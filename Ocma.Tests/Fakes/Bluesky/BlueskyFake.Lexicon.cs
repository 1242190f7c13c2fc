using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Ocma.Core.Connectors;

namespace Ocma.Tests.Fakes.Bluesky;

public sealed partial class BlueskyFake
{
    /// <summary>The lexicon checks a PDS applies to app.bsky.feed.post; null when the record is valid.</summary>
    private string? RecordProblem(string? collection, JsonObject record)
    {
        if (collection != "app.bsky.feed.post" || (string?)record["$type"] != collection)
        {
            return "Invalid $type: expected app.bsky.feed.post";
        }

        if ((string?)record["createdAt"] is not { } created || !DateTimeOffset.TryParseExact(created, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return "Invalid app.bsky.feed.post record: Record/createdAt must be an valid atproto datetime";
        }

        var text = (string?)record["text"] ?? string.Empty;
        var bytes = Encoding.UTF8.GetByteCount(text);
        if (Graphemes.Count(text) > 300 || bytes > 3000)
        {
            return "Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes";
        }

        foreach (var facet in record["facets"]?.AsArray() ?? [])
        {
            var start = (int?)facet?["index"]?["byteStart"];
            var end = (int?)facet?["index"]?["byteEnd"];
            if (start is null || end is null || start < 0 || end <= start || end > bytes)
            {
                return "Invalid app.bsky.feed.post record: facet byte range is outside the text";
            }
        }

        foreach (var image in record["embed"]?["images"]?.AsArray() ?? [])
        {
            if (image?["aspectRatio"] is { } ratio && ((int?)ratio["width"] is not >= 1 || (int?)ratio["height"] is not >= 1))
            {
                return "Invalid app.bsky.feed.post record: Record/embed/images/aspectRatio must have a width and a height of at least 1";
            }

            var blob = image?["image"];
            var cid = (string?)blob?["ref"]?["$link"];
            if ((string?)blob?["$type"] != "blob" || cid is null || !_blobs.TryGetValue(cid, out var known) || (string?)blob["mimeType"] != known.MimeType || (long?)blob["size"] != known.Size)
            {
                return "Could not find blob: " + cid;
            }
        }

        return null;
    }
}
