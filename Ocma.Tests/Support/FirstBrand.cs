using Ocma.Core.Brands;

namespace Ocma.Tests.Support;

/// <summary>The brand a user who never switched works in (the first one), as tests written before brand switching ask for it.</summary>
public static class FirstBrand
{
    public static Task<Brand> GetCurrentAsync(this BrandService brands, CancellationToken cancellationToken) =>
        brands.GetCurrentAsync(null, cancellationToken);
}
