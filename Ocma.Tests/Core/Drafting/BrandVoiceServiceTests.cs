using Microsoft.EntityFrameworkCore;
using Ocma.Core.Drafting;

namespace Ocma.Tests.Core.Drafting;

public sealed class BrandVoiceServiceTests
{
    [Fact]
    public async Task SaveAsync_ThenGetAsync_RoundTripsListsAndNormalisesHashtags()
    {
        await using var app = await DraftingHarness.StartAsync();
        var service = app.Get<BrandVoiceService>();

        var problems = await service.SaveAsync(
            new BrandVoice
            {
                BrandId = 1, Description = " Warm. ", WordsToAvoid = ["guarantee", " ", "Guarantee", "cheap"], RequiredDisclosures = ["#ad"],
                Hashtags = ["acme coffee", "#Porto"], EmojiPolicy = EmojiPolicy.Welcome, MonthlyBudget = 12.5m,
            },
            DraftingHarness.Admin, CancellationToken.None);
        var voice = await service.GetAsync(1, CancellationToken.None);

        Assert.Empty(problems);
        Assert.Equal("Warm.", voice.Description);
        Assert.Equal(["guarantee", "cheap"], voice.WordsToAvoid);
        Assert.Equal(["#ad"], voice.RequiredDisclosures);
        Assert.Equal(["#acmecoffee", "#Porto"], voice.Hashtags);
        Assert.Equal((EmojiPolicy.Welcome, 12.5m), (voice.EmojiPolicy, voice.MonthlyBudget));
        await using var db = await app.DbAsync();
        var audit = await db.AuditEvents.SingleAsync();
        Assert.Equal(("brand.voice.updated", "brand 1", "Admin"), (audit.Action, audit.Subject, audit.Actor));
    }

    [Fact]
    public async Task SaveAsync_SecondTime_UpdatesTheOneRow()
    {
        await using var app = await DraftingHarness.StartAsync();
        var service = app.Get<BrandVoiceService>();

        await service.SaveAsync(new BrandVoice { BrandId = 1, Description = "First" }, DraftingHarness.Admin, CancellationToken.None);
        await service.SaveAsync(new BrandVoice { BrandId = 1, Description = "Second" }, DraftingHarness.Admin, CancellationToken.None);

        await using var db = await app.DbAsync();
        Assert.Equal("Second", (await db.BrandVoices.SingleAsync()).Description);
    }

    [Fact]
    public async Task SaveAsync_NegativeBudget_RefusedInWordsAndNothingSaved()
    {
        await using var app = await DraftingHarness.StartAsync();

        var problems = await app.Get<BrandVoiceService>().SaveAsync(new BrandVoice { BrandId = 1, MonthlyBudget = -1m }, DraftingHarness.Admin, CancellationToken.None);

        Assert.Equal(["The monthly AI budget cannot be negative; leave it empty to use the default."], problems);
        await using var db = await app.DbAsync();
        Assert.Empty(await db.BrandVoices.ToListAsync());
    }

    [Fact]
    public async Task GetAsync_NoVoiceYet_DefaultVoice()
    {
        await using var app = await DraftingHarness.StartAsync();

        var voice = await app.Get<BrandVoiceService>().GetAsync(2, CancellationToken.None);

        Assert.Equal((2, "", EmojiPolicy.Sparing, (decimal?)null), (voice.BrandId, voice.Description, voice.EmojiPolicy, voice.MonthlyBudget));
    }

    [Fact]
    public async Task SaveAsync_Contributor_RefusedAndNothingSaved()
    {
        await using var app = await DraftingHarness.StartAsync();
        var contributor = new Ocma.Core.Audit.Actor("c-1", "Cat", new HashSet<string> { Ocma.Core.Identity.Roles.Contributor });

        var problems = await app.Get<BrandVoiceService>().SaveAsync(new BrandVoice { BrandId = 1, Description = "Loud" }, contributor, CancellationToken.None);

        Assert.Equal(["Only Admins and Editors can change a brand's voice and AI budget."], problems);
        await using var db = await app.DbAsync();
        Assert.Empty(await db.BrandVoices.ToListAsync());
    }
}
