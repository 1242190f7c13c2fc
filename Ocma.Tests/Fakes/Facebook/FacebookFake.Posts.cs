using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Ocma.Tests.Fakes.Facebook;

public sealed partial class FacebookFake
{
    private async Task<IResult> Feed(HttpContext context, string pageId)
    {
        if (AuthenticatePage(context, pageId) is { } refused)
        {
            return refused;
        }

        var form = await context.Request.ReadFormAsync();
        var message = form["message"].ToString();
        var photos = form.Keys.Where(k => k.StartsWith("attached_media[", StringComparison.Ordinal))
            .Select(k => JsonDocument.Parse(form[k].ToString()).RootElement.GetProperty("media_fbid").GetString()!).ToList();
        FacebookFakePost post;
        lock (_gate)
        {
            if (string.IsNullOrWhiteSpace(message) && photos.Count == 0)
            {
                return GraphError(100, "(#100) The parameter message or link or attached_media is required.");
            }

            if (photos.Any(p => !_unpublishedPhotos.Remove(p)))
            {
                return GraphError(100, "(#100) attached_media must be unpublished photos of this Page.");
            }

            if (message.Length > 0 && _posts.Any(p => p.PageId == pageId && p.Message == message))
            {
                return GraphError(506, "Duplicate status message", type: "OAuthException");
            }

            post = new FacebookFakePost(pageId + "_" + NextId(), pageId, message, Now, photos);
            _posts.Add(post);
        }

        return AnswerAfterCommit(context, Results.Json(new { id = post.Id }));
    }

    private async Task<IResult> Photo(HttpContext context, string pageId)
    {
        if (AuthenticatePage(context, pageId) is { } refused)
        {
            return refused;
        }

        var form = await context.Request.ReadFormAsync();
        if (form.Files["source"] is not { Length: > 0 })
        {
            return GraphError(324, "(#324) Requires upload file");
        }

        var published = form["published"] != "false";
        lock (_gate)
        {
            var photoId = NextId();
            if (!published)
            {
                _unpublishedPhotos.Add(photoId);
                return Results.Json(new { id = photoId });
            }

            var post = new FacebookFakePost(pageId + "_" + NextId(), pageId, form["message"].ToString(), Now, [photoId]);
            _posts.Add(post);
            return AnswerAfterCommit(context, Results.Json(new { id = photoId, post_id = post.Id }));
        }
    }

    private IResult AnswerAfterCommit(HttpContext context, IResult answer)
    {
        if (!DropAfterCommitNext)
        {
            return answer;
        }

        DropAfterCommitNext = false;
        context.Abort();
        return Results.Empty;
    }

    private IResult PagePosts(HttpContext context, string pageId, long? since, int? limit)
    {
        if (AuthenticatePage(context, pageId) is { } refused)
        {
            return refused;
        }

        lock (_gate)
        {
            var data = _posts.Where(p => p.PageId == pageId && (since is null || p.CreatedAt.ToUnixTimeSeconds() >= since))
                .OrderByDescending(p => p.CreatedAt).Take(limit ?? 25)
                .Select(p => new { id = p.Id, message = p.Message.Length > 0 ? p.Message : null, created_time = p.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'+0000'", CultureInfo.InvariantCulture) });
            return Results.Json(new { data });
        }
    }
}
