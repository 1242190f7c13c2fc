using System.Net;
using System.Text.Json;
using Ocma.Tests.Support;
using Quartz;

namespace Ocma.Tests.Web;

/// <summary>What an orchestrator's probes see: liveness always, readiness only while the database and the scheduler work.</summary>
public sealed class HealthEndpointsTests : IAsyncLifetime
{
    private const string Token = "monitor-token-for-tests";
    private readonly OcmaAppFactory _app = new(settings: new Dictionary<string, string?> { ["Health:ReadyToken"] = Token });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Ready_WhileTheSchedulerRuns_IsHealthyWithBothChecks()
    {
        var (status, report) = await ReadyAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", report.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", report.GetProperty("checks").GetProperty("scheduler").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_WithTheSchedulerInStandby_IsUnavailable_LivenessStillAnswers()
    {
        var scheduler = await _app.Get<ISchedulerFactory>().GetScheduler();
        // The hosted service starts the scheduler once the app has started; put it in standby after that.
        await Eventually.MatchesAsync(async () => await scheduler.GetStatus(), s => s == SchedulerStatus.Running, TimeSpan.FromSeconds(10), "the scheduler to run");
        await scheduler.Standby();
        try
        {
            var (status, report) = await ReadyAsync();

            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("Unhealthy", report.GetProperty("checks").GetProperty("scheduler").GetProperty("status").GetString());
            Assert.Equal(HttpStatusCode.OK, (await _app.CreateClient().GetAsync("/healthz")).StatusCode);
        }
        finally
        {
            await scheduler.Start();
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("a-wrong-token")]
    public async Task Ready_AnonymousWithoutTheToken_GetsTheStatusOnlyNoDetails(string? token)
    {
        var (status, report) = await ReadyAsync(token);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("{\"status\":\"Healthy\"}", report.GetRawText());
    }

    [Fact]
    public async Task Ready_SignedInAdmin_GetsTheDetails()
    {
        await TestUsers.CreateAdminAsync(_app);
        var client = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal("signed-in", await FormPoster.SignInAsync(client, TestUsers.AdminEmail, TestUsers.Password));

        var report = JsonDocument.Parse(await client.GetStringAsync("/healthz/ready")).RootElement;

        Assert.Equal("Healthy", report.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    private async Task<(HttpStatusCode Status, JsonElement Report)> ReadyAsync(string? token = Token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz/ready");
        if (token is not null)
        {
            request.Headers.Add("X-Health-Token", token);
        }

        var response = await _app.CreateClient().SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }
}
