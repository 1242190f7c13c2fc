using Ocma.Core.Audit;
using Ocma.Core.Brands;
using Ocma.Core.Identity;
using Ocma.Tests.Support;

namespace Ocma.Tests.Core.Brands;

/// <summary>Which brand a person works in: their own choice, kept on their account, or the first brand.</summary>
public sealed class CurrentBrandTests : IAsyncLifetime
{
    private readonly OcmaAppFactory _app = new();
    private Actor _admin = default!;
    private Brand _first = default!;
    private Brand _second = default!;

    private BrandService Brands => _app.Get<BrandService>();

    public async Task InitializeAsync()
    {
        _admin = await TestUsers.CreateAdminAsync(_app);
        _first = await Brands.GetCurrentAsync(null, CancellationToken.None);
        _second = (await _app.Get<BrandAdminService>().CreateAsync("Second", "America/New_York", _admin, CancellationToken.None)).Value;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task GetCurrent_NeverSwitched_IsTheFirstBrand()
    {
        Assert.Equal(_first.Id, (await Brands.GetCurrentAsync(_admin.UserId, CancellationToken.None)).Id);
    }

    [Fact]
    public async Task Switch_ThenGetCurrent_IsTheChosenBrandForThatUserOnly()
    {
        var editor = await TestUsers.CreateAsync(_app, _admin, "editor@example.com", Roles.Editor);

        var switched = await Brands.SwitchAsync(_admin.UserId!, _second.Id, CancellationToken.None);

        Assert.True(switched.Succeeded, switched.Error);
        Assert.Equal(_second.Id, (await Brands.GetCurrentAsync(_admin.UserId, CancellationToken.None)).Id);
        Assert.Equal(_first.Id, (await Brands.GetCurrentAsync(editor.UserId, CancellationToken.None)).Id);
        Assert.Equal(_second.Id, (await TestUsers.FindAsync(_app, TestUsers.AdminEmail)).CurrentBrandId);
    }

    [Fact]
    public async Task Switch_UnknownBrand_IsRefusedAndKeepsTheChoice()
    {
        await Brands.SwitchAsync(_admin.UserId!, _second.Id, CancellationToken.None);

        var switched = await Brands.SwitchAsync(_admin.UserId!, 9999, CancellationToken.None);

        Assert.Contains("does not exist", switched.Error, StringComparison.Ordinal);
        Assert.Equal(_second.Id, (await Brands.GetCurrentAsync(_admin.UserId, CancellationToken.None)).Id);
    }
}
