using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Ocma.Tests.Fakes.LinkedIn;

public sealed partial class LinkedInFake
{
    private const string ReservedCharacters = @"|{}@[]()<>#\*_~";

    private async Task<IResult> InitializeImageUpload(HttpContext context)
    {
        if (RestGate(context, out var token) is { } refused)
        {
            return refused;
        }

        var body = (await JsonNode.ParseAsync(context.Request.Body))!;
        var owner = (string?)body["initializeUploadRequest"]?["owner"];
        if (context.Request.Query["action"] != "initializeUpload" || owner is null || !MayPostAs(token, owner))
        {
            return Error(403, "ACCESS_DENIED", "Not enough permissions to upload for " + owner, 100);
        }

        lock (_gate)
        {
            var image = new LinkedInFakeImage("urn:li:image:C4E10AQ" + _images.Count.ToString("D6", CultureInfo.InvariantCulture), owner, FakeOAuth.NewSecret("up")) { PollsLeft = ImageProcessingPolls };
            _images[image.Urn] = image;
            return Results.Json(new { value = new { uploadUrlExpiresAt = Now.AddHours(1).ToUnixTimeMilliseconds(), uploadUrl = new Uri(BaseUrl, "dms-uploads/" + image.UploadToken).ToString(), image = image.Urn } });
        }
    }

    private async Task<IResult> UploadImage(HttpContext context, string token)
    {
        if (Authenticate(context, out _) is { } refused)
        {
            return refused;
        }

        var chunked = context.Request.Headers.TransferEncoding.ToString().Contains("chunked", StringComparison.OrdinalIgnoreCase);
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        lock (_gate)
        {
            var image = _images.Values.FirstOrDefault(i => i.UploadToken == token);
            if (image is null || image.Status != "WAITING_UPLOAD" || chunked || context.Request.Headers.ContentRange.Count > 0 || buffer.Length == 0 || context.Request.ContentLength != buffer.Length)
            {
                return Error(400, "BAD_REQUEST", "Upload must be one whole-file PUT with a Content-Length.");
            }

            image.Status = "PROCESSING";
            return Results.StatusCode(201);
        }
    }

    private IResult ImageStatus(HttpContext context, string urn)
    {
        if (RestGate(context, out _) is { } refused)
        {
            return refused;
        }

        lock (_gate)
        {
            if (!_images.TryGetValue(urn, out var image))
            {
                return Error(404, "NOT_FOUND", "Image not found");
            }

            if (image.Status == "PROCESSING" && image.PollsLeft-- <= 0)
            {
                image.Status = ImageProcessingFails ? "PROCESSING_FAILED" : "AVAILABLE";
            }

            return Results.Json(new { id = image.Urn, status = image.Status, owner = image.Owner });
        }
    }

    private async Task<IResult> CreatePost(HttpContext context)
    {
        if (RestGate(context, out var token) is { } refused)
        {
            return refused;
        }

        var body = (await JsonNode.ParseAsync(context.Request.Body))!;
        var author = (string?)body["author"] ?? string.Empty;
        var commentary = (string?)body["commentary"] ?? string.Empty;
        var imageIds = new[] { (string?)body["content"]?["media"]?["id"] }
            .Concat(body["content"]?["multiImage"]?["images"]?.AsArray().Select(i => (string?)i?["id"]) ?? [])
            .OfType<string>().ToList();
        LinkedInFakePost post;
        lock (_gate)
        {
            if (!MayPostAs(token, author))
            {
                return Error(403, "ACCESS_DENIED", "Not enough permissions to access: partnerApiPostsExternal.CREATE.20260101", 100);
            }

            var day = DateOnly.FromDateTime(Now.UtcDateTime);
            if (_postsPerDay.GetValueOrDefault(day) >= DailyPostLimit)
            {
                return Results.Json(new { status = 429, message = "Resource level throttle APPLICATION DAY limit for calls to this resource is reached." }, statusCode: 429);
            }

            var rendered = Render(commentary);
            if (rendered.Length > 3000)
            {
                return Error(422, "UNPROCESSABLE_ENTITY", "commentary length exceeds the maximum of 3000");
            }

            if (imageIds.Any(id => !_images.TryGetValue(id, out var image) || image.Status != "AVAILABLE"))
            {
                return Error(400, "INVALID_CONTENT", "The image is not AVAILABLE yet or does not exist");
            }

            if (_posts.FirstOrDefault(p => p.Author == author && p.Commentary == commentary) is { } earlier)
            {
                return Error(422, "UNPROCESSABLE_ENTITY", "Content is a duplicate of " + earlier.Urn);
            }

            _postsPerDay[day] = _postsPerDay.GetValueOrDefault(day) + 1;
            post = new LinkedInFakePost("urn:li:share:7" + (100_000_000 + _posts.Count).ToString(CultureInfo.InvariantCulture), author, commentary, rendered, Now, imageIds);
            _posts.Add(post);
        }

        if (DropAfterCommitNext)
        {
            DropAfterCommitNext = false;
            context.Abort();
            return Results.Empty;
        }

        context.Response.Headers["x-restli-id"] = post.Urn;
        return Results.StatusCode(201);
    }

    /// <summary>
    /// A member's or page's posts, newest first. Reading them needs its own permission, which posting does not give:
    /// r_member_social (granted only to approved partners) for a person, r_organization_social for a page.
    /// </summary>
    private IResult ListPosts(HttpContext context, string? author, string? q, int? count)
    {
        if (RestGate(context, out var token) is { } refused)
        {
            return refused;
        }

        if (author is null || !MayRead(token, author))
        {
            return Results.Json(new { status = 403, serviceErrorCode = 100, code = "ACCESS_DENIED", message = $"Not enough permissions to access: partnerApiPostsExternal.FINDER-author.{ApiVersionHeader(context)}" }, statusCode: 403);
        }

        lock (_gate)
        {
            var elements = _posts.Where(p => q == "author" && p.Author == author).OrderByDescending(p => p.CreatedAt).Take(count ?? 10)
                .Select(p => new { id = p.Urn, author = p.Author, commentary = p.Commentary, createdAt = p.CreatedAt.ToUnixTimeMilliseconds(), lifecycleState = "PUBLISHED", visibility = "PUBLIC" });
            return Results.Json(new { elements, paging = new { start = 0, count = count ?? 10 } });
        }
    }

    private IResult? RestGate(HttpContext context, out LinkedInFakeToken token)
    {
        token = null!;
        return CheckVersion(context) ?? Authenticate(context, out token);
    }

    private static bool MayRead(LinkedInFakeToken token, string author) =>
        (author == "urn:li:person:" + token.MemberId && token.Scopes.Contains("r_member_social"))
        || (author == OrganizationUrn && token.Scopes.Contains("r_organization_social"));

    private static string ApiVersionHeader(HttpContext context) => context.Request.Headers["LinkedIn-Version"].ToString();

    private static bool MayPostAs(LinkedInFakeToken token, string author) =>
        (author == "urn:li:person:" + token.MemberId && token.Scopes.Contains("w_member_social"))
        || (author == OrganizationUrn && token.Scopes.Contains("w_organization_social"));

    /// <summary>How LinkedIn shows little text: escapes resolved, hashtag templates shown as #tag, cut at the first unescaped reserved character.</summary>
    private static string Render(string commentary)
    {
        var shown = new StringBuilder();
        for (var i = 0; i < commentary.Length; i++)
        {
            var c = commentary[i];
            if (c == '\\' && i + 1 < commentary.Length)
            {
                shown.Append(commentary[++i]);
            }
            else if (commentary.AsSpan(i).StartsWith(@"{hashtag|\#|", StringComparison.Ordinal) && commentary.IndexOf('}', i) is var end and > 0)
            {
                shown.Append('#').Append(commentary.AsSpan(i + 12, end - i - 12).ToString().Replace("\\", string.Empty, StringComparison.Ordinal));
                i = end;
            }
            else if (ReservedCharacters.Contains(c, StringComparison.Ordinal))
            {
                break;
            }
            else
            {
                shown.Append(c);
            }
        }

        return shown.ToString();
    }
}
