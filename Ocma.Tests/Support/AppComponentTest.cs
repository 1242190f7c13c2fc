using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Ocma.Core.Audit;
using Ocma.Core.Brands;
using Ocma.Web.Components.Shared;

namespace Ocma.Tests.Support;

/// <summary>
/// Renders the console's own components against a real app (SQLite, Core services) with bUnit, signed in as a given person:
/// pages and panels can be clicked and typed into without a browser.
/// </summary>
public abstract class AppComponentTest(IReadOnlyDictionary<string, string?>? settings = null) : ComponentTest
{
    private AsyncServiceScope? _appScope;
    private OcmaAppFactory? _app;

    /// <summary>The app, started on first use with <see cref="Settings"/>.</summary>
    protected OcmaAppFactory App => _app ??= new OcmaAppFactory(settings: Settings(), configureServices: ConfigureServices);

    /// <summary>Settings for the app; a test that must start something first (a fake server) overrides this.</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings() => settings;

    /// <summary>Changes to the app's services (a test that watches the database adds its interceptor here).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Uses the app's services and signs in as <paramref name="actor"/> (its user id, email and role).</summary>
    protected void SignInAs(Actor actor)
    {
        _appScope = App.Services.CreateAsyncScope(); // like a circuit: the app's scoped services live as long as the test
        Services.AddFallbackServiceProvider(_appScope.Value.ServiceProvider);
        // Per circuit in the app: bUnit's sign-in says who, the database says their role now.
        Services.AddScoped(sp => new CurrentActor(sp.GetRequiredService<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider>(), App.Get<Ocma.Core.Identity.ActorResolver>()));
        Services.AddScoped(sp => new CurrentBrand(sp.GetRequiredService<CurrentActor>(), App.Get<BrandService>()));
        var auth = AddAuthorization();
        auth.SetAuthorized(actor.Name);
        auth.SetRoles([.. actor.Roles]);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, actor.UserId!));
    }

    /// <summary>MudBlazor's dialog host, rendered by <see cref="RenderInLayout{T}"/>: dialogs the component opens appear here.</summary>
    protected IRenderedComponent<MudDialogProvider> DialogHost { get; private set; } = default!;

    /// <summary>
    /// Renders <typeparamref name="T"/> with MudBlazor's popover, dialog and snackbar providers beside it (as the layout
    /// has them), so its drop-downs open, its dialogs show and its messages are kept.
    /// </summary>
    protected IRenderedComponent<T> RenderInLayout<T>(Action<ComponentParameterCollectionBuilder<T>>? parameters = null)
        where T : IComponent
    {
        Render<MudPopoverProvider>();
        DialogHost = Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        return Render(parameters ?? (_ => { }));
    }

    /// <summary>The texts of the snackbars shown so far.</summary>
    protected IReadOnlyList<string> Messages() => [.. Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message ?? "")];

    protected override async Task DisposedAsync()
    {
        if (_appScope is { } scope)
        {
            await scope.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
