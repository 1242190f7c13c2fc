using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Ocma.Connectors.Shared;
using Ocma.Core.Connectors;
using Ocma.Tests.Fakes;

namespace Ocma.Tests.Connectors.Shared;

/// <summary>The resilience handler, over real HTTP: safe methods are repeated on passing faults, unsafe ones never.</summary>
public sealed class SafeRetryHandlerTests : IAsyncLifetime
{
    private FakePlatformHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await FakePlatformHost.StartAsync(app =>
        {
            app.MapGet("/thing", () => Results.Ok("fine"));
            app.MapPost("/thing", () => Results.Ok("made"));
        });
        _client = new HttpClient(new SafeRetryHandler(2, TimeSpan.FromMilliseconds(5)) { InnerHandler = new SocketsHttpHandler() }) { BaseAddress = _host.BaseUrl };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task SendAsync_GetFailsTwiceWithGatewayErrors_IsRepeatedUntilItWorks()
    {
        _host.Faults.Next("GET", "/thing", c => Results.StatusCode(502).ExecuteAsync(c));
        _host.Faults.Next("GET", "/thing", c => Results.StatusCode(503).ExecuteAsync(c));

        using var response = await _client.GetAsync("thing");

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal(3, _host.Journal.Count("GET", "/thing"));
    }

    [Fact]
    public async Task SendAsync_GetConnectionDropped_IsRepeated()
    {
        _host.Faults.Next("GET", "/thing", c => { c.Abort(); return Task.CompletedTask; });

        using var response = await _client.GetAsync("thing");

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal(2, _host.Journal.Count("GET", "/thing"));
    }

    [Fact]
    public async Task SendAsync_PostGatewayError_IsNeverRepeated()
    {
        _host.Faults.Next("POST", "/thing", c => Results.StatusCode(502).ExecuteAsync(c));

        using var response = await _client.PostAsync("thing", new StringContent("x"));

        Assert.Equal(502, (int)response.StatusCode);
        Assert.Equal(1, _host.Journal.Count("POST", "/thing"));
    }

    [Fact]
    public async Task ConnectorHttp_PostConnectionDroppedAfterItLeft_IsOutcomeUnknownAndNotRepeated()
    {
        await _client.GetAsync("thing");
        _host.Faults.Next("POST", "/thing", c => { c.Abort(); return Task.CompletedTask; });

        var result = await ConnectorHttp.SendAsync(_client, new HttpRequestMessage(HttpMethod.Post, "thing") { Content = new StringContent("x") }, "Test", default);

        Assert.Equal(FailureKind.OutcomeUnknown, result.Failure!.Kind);
        Assert.Equal(1, _host.Journal.Count("POST", "/thing"));
    }

    [Fact]
    public async Task ConnectorHttp_NobodyListening_IsTransientBecauseNothingLeft()
    {
        var closed = new Uri(_host.BaseUrl, "thing");
        await _host.DisposeAsync();
        _host = await FakePlatformHost.StartAsync(_ => { });

        var result = await ConnectorHttp.SendAsync(_client, new HttpRequestMessage(HttpMethod.Post, closed) { Content = new StringContent("x") }, "Test", default);

        Assert.Equal(FailureKind.Transient, result.Failure!.Kind);
    }
}
