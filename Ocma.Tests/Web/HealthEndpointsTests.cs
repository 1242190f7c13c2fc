using System.Net;
using System.Text.Json;
using Ocma.Tests.Support;
using Quartz;

namespace Ocma.Tests.Web;

/// <summary>What an orchestrator's probes see: liveness always, readiness only while the database and the scheduler work.</summary>
public sealed class HealthEndpointsTests : IAsyncLifetime
{
    private readonly OcmaAppFactory _app = new();

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

    private async Task<(HttpStatusCode Status, JsonElement Report)> ReadyAsync()
    {
        var response = await _app.CreateClient().GetAsync("/healthz/ready");
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }
}
