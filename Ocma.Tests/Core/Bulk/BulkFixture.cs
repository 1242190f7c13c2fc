using System.Text;
using Microsoft.EntityFrameworkCore;
using Ocma.Core.Data;
using Ocma.Tests.Core.Publishing;

namespace Ocma.Tests.Core.Bulk;

/// <summary>One app with a connected Sandbox channel (@team) shared by a test class; tests use their own texts.</summary>
public sealed class BulkFixture : IAsyncLifetime
{
    internal PublishingHarness Harness { get; private set; } = default!;

    /// <summary>The brand the @team channel belongs to (the first brand).</summary>
    internal int BrandId { get; private set; }

    public async Task InitializeAsync()
    {
        Harness = await PublishingHarness.StartAsync();
        BrandId = (await Harness.App.Get<Ocma.Core.Brands.BrandService>().GetCurrentAsync(null, CancellationToken.None)).Id;
    }

    public async Task DisposeAsync() => await Harness.DisposeAsync();

    public static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    public async Task<int> PostsContainingAsync(string marker)
    {
        await using var db = await Harness.App.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        return await db.Posts.CountAsync(p => p.Text.Contains(marker));
    }

    public async Task<int> AuditEntriesAsync(string action, string subjectMarker)
    {
        await using var db = await Harness.App.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        return await db.AuditEvents.CountAsync(e => e.Action == action && e.Subject.Contains(subjectMarker));
    }
}
