using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ocma.Core.Audit;
using Ocma.Core.Brands;
using Ocma.Core.Data;
using Ocma.Core.Drafting;
using Ocma.Core.Identity;

namespace Ocma.Tests.Core.Drafting;

/// <summary>
/// The drafting feature as the app wires it (<see cref="DraftingRegistration.AddOcmaDrafting"/>), on an in-memory SQLite database
/// built by the migrations, with every log line captured.
/// </summary>
public sealed class DraftingHarness : IAsyncDisposable
{
    public const int BrandId = 1;
    public const int OtherBrandId = 2;

    private readonly SqliteConnection _connection;
    private readonly ServiceProvider _services;

    private DraftingHarness(SqliteConnection connection, ServiceProvider services, CapturingLoggerProvider logs)
    {
        _connection = connection;
        _services = services;
        Logs = logs;
    }

    public CapturingLoggerProvider Logs { get; }

    public IServiceProvider Services => _services;

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public static readonly Actor Editor = new("user-1", "Ana", new HashSet<string> { Roles.Editor });

    public static readonly Actor Admin = new("admin-1", "Admin", new HashSet<string> { Roles.Admin });

    public static readonly Actor Viewer = new("viewer-1", "Vic", new HashSet<string> { Roles.Viewer });

    public static DraftContext Context(int brandId = BrandId, bool builtInOnly = false) => new(Editor, brandId, null, builtInOnly);

    /// <summary>Settings under "Drafting:"; fast retries and a short timeout unless a test says otherwise.</summary>
    public static async Task<DraftingHarness> StartAsync(IDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Drafting:Timeout"] = "00:00:05",
            ["Drafting:RetryBaseDelay"] = "00:00:00.050",
            ["Drafting:MaxRetries"] = "2",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values["Drafting:" + key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        services.AddDbContextFactory<OcmaDbContext>(o => o.UseSqlite(connection));
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddOcmaDrafting(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await using (var db = await provider.GetRequiredService<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
            db.Brands.AddRange(
                new Brand { Id = BrandId, Name = "Acme", TimeZoneId = "Europe/Berlin" },
                new Brand { Id = OtherBrandId, Name = "Globex", TimeZoneId = "America/New_York" });
            await db.SaveChangesAsync();
        }

        return new DraftingHarness(connection, provider, logs);
    }

    public static Dictionary<string, string?> OpenAI(Ocma.Tests.Fakes.Ai.FakeOpenAIServer server, string model = "gpt-test") => new()
    {
        ["Provider"] = "OpenAICompatible",
        ["OpenAI:BaseUrl"] = server.ApiBase,
        ["OpenAI:Model"] = model,
        ["OpenAI:ApiKey"] = server.ExpectedKey,
        ["Prices:0:Model"] = model,
        ["Prices:0:InputPerMillion"] = "2.00",
        ["Prices:0:OutputPerMillion"] = "8.00",
    };

    public static Dictionary<string, string?> Anthropic(Ocma.Tests.Fakes.Ai.FakeAnthropicServer server) => new()
    {
        ["Provider"] = "Anthropic",
        ["Anthropic:BaseUrl"] = server.BaseUrl.ToString(),
        ["Anthropic:Model"] = "claude-test",
        ["Anthropic:ApiKey"] = server.ExpectedKey,
    };

    public async Task<OcmaDbContext> DbAsync() => await Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();

    public async Task SaveVoiceAsync(BrandVoice voice)
    {
        var problems = await Get<BrandVoiceService>().SaveAsync(voice, Admin, CancellationToken.None);
        Assert.Empty(problems);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
