using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Ocma.Tests.Support;

/// <summary>
/// A bUnit context with MudBlazor's services and a loose JS runtime (MudBlazor calls into JS for focus, popovers and
/// sizes; a test has no browser, so those calls answer with defaults).
/// </summary>
/// <remarks>
/// xUnit 2 only calls <see cref="IDisposable.Dispose"/>, and some MudBlazor services can only be disposed
/// asynchronously, so the context is disposed asynchronously here first (the later Dispose is then a no-op).
/// </remarks>
public abstract class ComponentTest : BunitContext, IAsyncLifetime
{
    protected ComponentTest()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeComponentsAsync();
        await DisposedAsync();
        await DisposeAsync();
    }

    /// <summary>Runs after the components are gone and before the context's services are disposed.</summary>
    protected virtual Task DisposedAsync() => Task.CompletedTask;
}
