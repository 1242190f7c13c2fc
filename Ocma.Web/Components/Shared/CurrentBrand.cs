using Ocma.Core.Brands;

namespace Ocma.Web.Components.Shared;

/// <summary>The brand the signed-in person works in (chosen in the top bar, remembered on their account).</summary>
public sealed class CurrentBrand(CurrentActor actor, BrandService brands)
{
    public async Task<Brand> GetAsync() => await brands.GetCurrentAsync((await actor.GetAsync()).UserId, CancellationToken.None);
}
