using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Ocma.Core.Audit;
using Ocma.Core.Brands;
using Ocma.Core.Identity;

namespace Ocma.Web.Endpoints;

public static class BrandEndpoints
{
    /// <summary>
    /// <c>POST /brand/switch</c>: the top bar's brand picker (a plain form with an antiforgery token, so it works before the
    /// live connection is up). Saves the choice on the account and goes back to the page, which reloads in the new brand.
    /// </summary>
    public static WebApplication MapBrandEndpoints(this WebApplication app)
    {
        app.MapPost("/brand/switch", async ([FromForm] int brandId, [FromForm] string? returnUrl, BrandService brands, SignInManager<OcmaUser> signIn, HttpContext http) =>
        {
            var userId = Actor.From(http.User).UserId!;
            var switched = await brands.SwitchAsync(userId, brandId, http.RequestAborted);
            if (switched.Succeeded && await signIn.UserManager.FindByIdAsync(userId) is { } user)
            {
                await signIn.RefreshSignInAsync(user); // the sign-in's role is the role in the brand worked in
            }

            return switched.Succeeded
                ? Results.LocalRedirect(LocalReturnUrl(returnUrl))
                : PlainProblemPage.Create("Brand not switched", switched.Error!, "/", "Back to the dashboard");
        }).RequireAuthorization();
        return app;
    }

    /// <summary>
    /// The page to go back to: a local path only (anything else goes to the dashboard), without a <c>brand</c> query
    /// parameter, which would switch straight back.
    /// </summary>
    public static string LocalReturnUrl(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl[0] != '/' || returnUrl.StartsWith("//", StringComparison.Ordinal)
            || returnUrl.StartsWith("/\\", StringComparison.Ordinal) || returnUrl.Any(char.IsControl))
        {
            return "/";
        }

        var query = returnUrl.IndexOf('?', StringComparison.Ordinal);
        if (query < 0)
        {
            return returnUrl;
        }

        var kept = returnUrl[(query + 1)..].Split('&')
            .Where(pair => !pair.Equals("brand", StringComparison.OrdinalIgnoreCase) && !pair.StartsWith("brand=", StringComparison.OrdinalIgnoreCase));
        var rest = string.Join('&', kept);
        return rest.Length == 0 ? returnUrl[..query] : $"{returnUrl[..query]}?{rest}";
    }
}
