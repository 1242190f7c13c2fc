using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
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
    public const string LoginRateLimit = "login";

    /// <summary>Blazor (interactive server), MudBlazor, Identity with lockout and a login rate limit, health checks.</summary>
    public static WebApplicationBuilder AddOcmaWeb(this WebApplicationBuilder builder)
    {
        // Package static assets (_content/MudBlazor, the CSS bundle) are served from their NuGet folders
        // when the app runs from bin in any environment; after `dotnet publish` this is a no-op.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
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
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                o.Lockout.AllowedForNewUsers = true;
            })
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
        });

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(LoginRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 20, Window = TimeSpan.FromMinutes(1) }));
        });
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
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
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseOcmaRequestLogging();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseMiddleware<FirstRunGate>();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapOcmaComponents(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
