using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ocma.Connectors;
using Ocma.Core.Connectors;
using Ocma.Core.Data;
using Ocma.Core.Sandbox;

namespace Ocma.Tests.Connectors;

/// <summary>The same basic promises, checked over every connector <c>AddOcmaConnectors</c> registers.</summary>
public sealed partial class RegisteredConnectorsContractTests : IDisposable
{
    private static readonly string[] ExpectedKeys = ["sandbox", "mastodon", "bluesky", "x", "linkedin", "facebook", "instagram"];

    // Instagram is off by default (it needs publicly served media); it is switched on here so the contract covers it.
    private readonly ServiceProvider _services = Build(new Dictionary<string, string?> { ["Connectors:Instagram:Enabled"] = "true" });

    public static TheoryData<string> Keys() => [.. ExpectedKeys];

    [Fact]
    public void AddOcmaConnectors_ByDefault_LeavesInstagramOut()
    {
        using var services = Build(new Dictionary<string, string?>());

        Assert.DoesNotContain("instagram", services.GetRequiredService<ConnectorRegistry>().All.Select(c => c.Descriptor.Key));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings) => ConnectorHarness.Services(TimeProvider.System, settings, (s, c) =>
    {
        // The Sandbox connector talks to Core's practice platform; these are its own dependencies (no database is opened).
        s.AddDbContextFactory<OcmaDbContext>(o => o.UseSqlite("Data Source=:memory:"));
        s.AddSingleton<SandboxAuthServer>().AddSingleton<SandboxPlatform>();
        s.AddOptions<SandboxOptions>();
        return s.AddOcmaConnectors(c);
    });

    public void Dispose() => _services.Dispose();

    [Fact]
    public void AddOcmaConnectors_Registers_EveryFinishedPlatformOnce()
    {
        var registry = _services.GetRequiredService<ConnectorRegistry>();

        Assert.Equal(ExpectedKeys.Order(), registry.All.Select(c => c.Descriptor.Key).Order());
        Assert.Equal(registry.All.Count, _services.GetServices<ISocialConnector>().Count());
    }

    [Fact]
    public void AddOcmaConnectors_Options_AreValidAtStartUp()
    {
        foreach (var validator in _services.GetServices<IStartupValidator>())
        {
            validator.Validate();
        }
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Descriptor_IsSane(string key)
    {
        var descriptor = Connector(key).Descriptor;

        Assert.Matches(KeyPattern(), descriptor.Key);
        Assert.False(string.IsNullOrWhiteSpace(descriptor.DisplayName));
        Assert.True(descriptor.Capabilities.HasFlag(ConnectorCapabilities.Text));
        Assert.InRange(descriptor.Limits.MaxTextLength, 1, 100_000);
        Assert.Equal(descriptor.Capabilities.HasFlag(ConnectorCapabilities.Images), descriptor.Limits.MaxImages > 0);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Validate_TextAtLimit_IsValid_OneMoreIsFlaggedWithHowMuchToCut(string key)
    {
        var connector = Connector(key);
        var limit = connector.Descriptor.Limits.MaxTextLength;

        // Platforms that take images get one with a public address, so a platform that needs media fetched by URL
        // (Instagram) is judged on its text alone.
        var image = ConnectorHarness.Image() with { PublicUrl = new Uri("https://ocma.example.com/media/public/token") };
        IReadOnlyList<MediaItem> media = connector.Descriptor.Capabilities.HasFlag(ConnectorCapabilities.Images) ? [image] : [];
        var atLimit = connector.Validate(new PostContent(new string('a', limit), media));
        var over = connector.Validate(new PostContent(new string('a', limit + 1), media));

        Assert.True(atLimit.IsValid, string.Join(" ", atLimit.Problems));
        Assert.Equal(limit, atLimit.Length);
        Assert.False(over.IsValid);
        Assert.Contains(over.Problems, p => p.Contains("by 1 character", StringComparison.Ordinal));
        Assert.Equal(-1, over.Remaining);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Validate_IsPure_SameInputSameAnswer_AndEmptyIsFlagged(string key)
    {
        var connector = Connector(key);
        var content = PostContent.TextOnly("Hello 👋🏽 https://ocma.example/a");

        var first = connector.Validate(content);
        var second = connector.Validate(content);

        Assert.Equal(first.Length, second.Length);
        Assert.Equal(first.Problems, second.Problems);
        Assert.False(connector.Validate(PostContent.TextOnly("   ")).IsValid);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Validate_MoreImagesThanAllowed_IsFlagged(string key)
    {
        var connector = Connector(key);
        var images = Enumerable.Range(0, connector.Descriptor.Limits.MaxImages + 1).Select(i => ConnectorHarness.Image($"p{i}.jpg")).ToList();

        var result = connector.Validate(new PostContent("Pictures", images));

        Assert.False(result.IsValid);
    }

    private ISocialConnector Connector(string key) => _services.GetRequiredService<ConnectorRegistry>().Get(key);

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex KeyPattern();
}
