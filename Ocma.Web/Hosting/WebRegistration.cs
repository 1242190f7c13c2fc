using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Ocma.Core.Data;
using Ocma.Core.Identity;
using Ocma.Web.Components;
using MudBlazor;
using MudBlazor.Services;
using Quartz;

namespace Ocma.Web.Hosting;

public static class WebRegistration
{
    /// <summary>Blazor (interactive server), MudBlazor, Identity with lockout and a login rate limit, health checks.</summary>
    public static WebApplicationBuilder AddOcmaWeb(this WebApplicationBuilder builder)
    {
        // Package static assets (_content/MudBlazor, the CSS bundle) are served from their NuGet folders
        // when the app runs from bin in any environment; after `dotnet publish` this is a no-op.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        // A tab closed without saying so (a killed browser, a lost network) keeps its circuit for the retention period
        // so it can reconnect; at most 20 such circuits are kept, so fifty closed tabs cannot hold fifty circuits (ADR 0022).
        services.AddRazorComponents().AddInteractiveServerComponents(o => o.DisconnectedCircuitMaxRetained = 20);
        services.AddSingleton<ClosedTabsMemory>();
        services.AddSingleton<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler>(sp => sp.GetRequiredService<ClosedTabsMemory>());
        services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            o.SnackbarConfiguration.PreventDuplicates = false;
            o.SnackbarConfiguration.VisibleStateDuration = 6000;
        });
        services.AddCascadingAuthenticationState();
        services.AddScoped<Components.Shared.CurrentActor>();
        services.AddScoped<Components.Shared.CurrentBrand>();

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddAuthorization();
        services.AddIdentityCore<OcmaUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequiredUniqueChars = 6; // 'Aaaaaaaaa1!' has four
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<OcmaDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<BrandRoleClaimsFactory>()
            .AddDefaultTokenProviders();
        services.AddOcmaSessions();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = InviteService.Lifetime); // invite links
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "Ocma.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            // Signing in on the login page makes the cookie handler redirect to its ReturnUrl parameter itself: same rule as the page.
            o.Events.OnRedirectToReturnUrl = context =>
            {
                context.Response.Redirect(Components.Account.LocalReturnUrl.Safe(context.RedirectUri));
                return Task.CompletedTask;
            };
        });

        services.AddOptions<Security.ReverseProxyOptions>().BindConfiguration(Security.ReverseProxyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<Security.ReverseProxyOptions>>((forwarded, proxy) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear(); // the defaults trust loopback; only the configured proxies are believed
            forwarded.KnownIPNetworks.Clear();
            foreach (var address in proxy.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(address));
            }

            foreach (var network in proxy.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.SectionName);
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddSingleton<Security.LoginRateLimits>();
        services.AddScoped<Security.UnknownAccountDecoy>();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<StorageHealthCheck>("storage", tags: ["ready"])
            // Quartz's own check: healthy while the scheduler runs and its job store answers; standby counts as not ready.
            .AddQuartz(o =>
            {
                o.Name = "scheduler";
                o.Tags.Add("ready");
                o.StandbyStatus = HealthStatus.Unhealthy;
            });
        return builder;
    }

    public static async Task InitializeDatabaseAsync(this WebApplication app) =>
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);

    public static WebApplication UseOcmaPipeline(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<Security.ReverseProxyOptions>>().Value.Enabled)
        {
            app.UseForwardedHeaders(); // first, so the scheme and client address are the browser's from here on
        }

        app.UseMiddleware<Security.SecurityHeaders>();
        app.UseHsts(); // only answers that went out over https (directly or, per ReverseProxy, through the proxy) carry it
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseOcmaRequestLogging();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseMiddleware<Security.LoginRateLimiter>();
        app.UseMiddleware<FirstRunGate>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseMiddleware<Security.AntiforgeryRefusal>();
        return app;
    }

    public static WebApplication MapOcmaComponents(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
