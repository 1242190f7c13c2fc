using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ocma.Core.Audit;
using Ocma.Core.Data;

namespace Ocma.Core.Drafting;

/// <summary>Reads and saves a brand's voice (one row per brand).</summary>
public sealed class BrandVoiceService(IDbContextFactory<OcmaDbContext> dbFactory, AuditLog audit, TimeProvider time)
{
    public async Task<BrandVoice> GetAsync(int brandId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.BrandVoices.AsNoTracking().SingleOrDefaultAsync(v => v.BrandId == brandId, cancellationToken) ?? BrandVoice.Default(brandId);
    }

    /// <summary>Saves the voice (Admins and Editors); returns what to fix, in words, and saves nothing when there is anything to fix.</summary>
    public async Task<IReadOnlyList<string>> SaveAsync(BrandVoice voice, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(voice);
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.CanPublish)
        {
            return ["Only Admins and Editors can change a brand's voice and AI budget."];
        }

        var problems = Validate(voice);
        if (problems.Count > 0)
        {
            return problems;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Brands.AnyAsync(b => b.Id == voice.BrandId, cancellationToken))
        {
            return ["The brand no longer exists."];
        }

        var row = await db.BrandVoices.SingleOrDefaultAsync(v => v.BrandId == voice.BrandId, cancellationToken);
        if (row is null)
        {
            row = BrandVoice.Default(voice.BrandId);
            db.BrandVoices.Add(row);
        }

        row.Description = voice.Description.Trim();
        row.WordsToAvoid = Clean(voice.WordsToAvoid);
        row.RequiredDisclosures = Clean(voice.RequiredDisclosures);
        row.Hashtags = Clean(voice.Hashtags.Select(Offline.Hashtags.Normalize).OfType<string>());
        row.EmojiPolicy = voice.EmojiPolicy;
        row.MonthlyBudget = voice.MonthlyBudget;
        row.UpdatedUtc = time.GetUtcNow().UtcDateTime;
        audit.Add(
            db,
            actor,
            "brand.voice.updated",
            string.Create(CultureInfo.InvariantCulture, $"brand {voice.BrandId}"),
            voice.MonthlyBudget is { } budget ? string.Create(CultureInfo.InvariantCulture, $"monthly AI budget {budget:0.00}") : null);
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    private static List<string> Validate(BrandVoice voice)
    {
        var problems = new List<string>();
        if (voice.Description.Length > 2000)
        {
            problems.Add("Shorten the voice description to 2,000 characters or fewer.");
        }

        if (voice.MonthlyBudget is < 0)
        {
            problems.Add("The monthly AI budget cannot be negative; leave it empty to use the default.");
        }

        if (voice.WordsToAvoid.Count + voice.RequiredDisclosures.Count + voice.Hashtags.Count > 200)
        {
            problems.Add("Keep words to avoid, disclosures and hashtags to 200 entries in total.");
        }

        return problems;
    }

    private static List<string> Clean(IEnumerable<string> items) =>
        items.Select(i => i.Trim()).Where(i => i.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
