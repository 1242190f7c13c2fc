using Microsoft.EntityFrameworkCore;
using Ocma.Core.Data;

namespace Ocma.Core.Drafting;

/// <summary>Ties the generations whose text went into a post to that post, so the post's audit shows the prompts and outputs behind it.</summary>
public sealed class GenerationLinkService(IDbContextFactory<OcmaDbContext> dbFactory)
{
    /// <summary>Links each of the person's own, not yet linked generations to the post; returns how many were linked.</summary>
    public async Task<int> AttachAsync(IReadOnlyCollection<long> generationIds, int postId, string userId, CancellationToken cancellationToken)
    {
        if (generationIds.Count == 0)
        {
            return 0;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AiGenerations
            .Where(g => generationIds.Contains(g.Id) && g.PostId == null && g.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.PostId, postId), cancellationToken);
    }

    public async Task<IReadOnlyList<AiGeneration>> ForPostAsync(int postId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AiGenerations.AsNoTracking().Where(g => g.PostId == postId).OrderBy(g => g.Id).ToListAsync(cancellationToken);
    }
}
