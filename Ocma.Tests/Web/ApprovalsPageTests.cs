using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Ocma.Core.Approvals;
using Ocma.Core.Audit;
using Ocma.Core.Data;
using Ocma.Core.Identity;
using Ocma.Core.Posts;
using Ocma.Tests.Support;

namespace Ocma.Tests.Web;

public sealed class ApprovalsPageTests : IAsyncLifetime
{
    private readonly OcmaAppFactory _app = new();
    private Actor _admin = default!;
    private Actor _contributor = default!;
    private int _channelId;

    public async Task InitializeAsync()
    {
        _admin = await TestUsers.CreateAdminAsync(_app);
        await TestUsers.CreateAsync(_app, _admin, "editor@example.com", Roles.Editor);
        await TestUsers.CreateAsync(_app, _admin, "viewer@example.com", Roles.Viewer);
        _contributor = await TestUsers.CreateAsync(_app, _admin, "writer@example.com", Roles.Contributor);
        _channelId = (await SandboxChannels.ConnectAsync(_app, _admin)).Id;
        Assert.True((await _app.Get<ApprovalPolicyService>().SetAsync(1, true, _admin, CancellationToken.None)).Succeeded);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("writer@example.com")]
    [InlineData("viewer@example.com")]
    public async Task Approvals_WithoutEditorOrAdminRole_RedirectsToAccessDenied(string email)
    {
        var client = await SignedInAsync(email);

        var response = await client.GetAsync("/approvals");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approvals_ForAnEditor_ListsWaitingPostsWithAuthorAndMissedTime_AndCountsThemInTheMenu_MissedTimeAlsoOnThePost()
    {
        await SubmitAsync("Launch day teaser");
        var late = await SubmitAsync("Nobody approved this in time");
        await using (var db = await _app.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync())
        {
            // Arrange a due time that has already passed while the post waited.
            await db.PostTargets.Where(t => t.PostId == late).ExecuteUpdateAsync(s => s.SetProperty(t => t.DueUtc, DateTime.UtcNow.AddHours(-1)));
        }

        var client = await SignedInAsync("editor@example.com");
        var html = await client.GetStringAsync("/approvals");
        var post = await client.GetStringAsync($"/posts/{late}");

        Assert.Contains("Launch day teaser", html, StringComparison.Ordinal);
        Assert.Contains("writer@example.com", html, StringComparison.Ordinal);
        Assert.Contains("Missed its time: not approved before", html, StringComparison.Ordinal);
        Assert.Contains("Approvals (2)", html, StringComparison.Ordinal);
        Assert.Contains("Missed its time: not approved before", post, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RejectedPost_ShowsTheReviewersCommentToTheAuthor_OnThePost()
    {
        var postId = await SubmitAsync("Wrong product name");
        var editor = new Actor((await TestUsers.FindAsync(_app, "editor@example.com")).Id, "editor@example.com", new HashSet<string> { Roles.Editor });
        Assert.True((await _app.Get<ApprovalService>().RejectAsync(postId, "Say Ocma, not Ocmo.", editor, CancellationToken.None)).Succeeded);
        var author = await SignedInAsync("writer@example.com");

        var post = await author.GetStringAsync($"/posts/{postId}");

        Assert.Contains("Say Ocma, not Ocmo.", post, StringComparison.Ordinal);
    }

    private async Task<int> SubmitAsync(string text)
    {
        var post = await _app.Get<ComposeService>().SubmitAsync(
            new ComposeRequest(1, text, [_channelId], ComposeMode.Schedule, DateTime.UtcNow.AddDays(1)), _contributor, CancellationToken.None);
        Assert.True(post.Succeeded, post.Error);
        Assert.Equal(TargetState.InReview, post.Value.Targets[0].State);
        return post.Value.Id;
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal("signed-in", await FormPoster.SignInAsync(client, email, TestUsers.Password));
        return client;
    }
}
