using System.Collections.Concurrent;
using Ocma.Core.Posts;

namespace Ocma.Core.Live;

/// <summary>
/// One batch of changed targets, read once for every open page. Figures several pages need (a brand's counts by
/// state, its review queue) are asked through <see cref="SharedAsync{T}"/>: the first page runs the query, every
/// other page of this batch gets the same answer.
/// </summary>
public sealed class LiveBatch(IReadOnlyList<TargetView> rows)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _shared = new(StringComparer.Ordinal);

    /// <summary>The changed targets as lists show them (of every brand; a page keeps its own brand's).</summary>
    public IReadOnlyList<TargetView> Rows { get; } = rows;

    public IEnumerable<TargetView> OfBrand(int brandId) => Rows.Where(r => r.BrandId == brandId);

    /// <summary>The answer of <paramref name="query"/> for this batch, run at most once whatever the number of pages asking.</summary>
    public async Task<T> SharedAsync<T>(string key, Func<CancellationToken, Task<T>> query)
        where T : notnull
    {
        var once = _shared.GetOrAdd(key, _ => new Lazy<Task<object>>(() => Task.Run(async () => (object)await query(CancellationToken.None))));
        return (T)await once.Value;
    }
}
