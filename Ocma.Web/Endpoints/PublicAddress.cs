namespace Ocma.Web.Endpoints;

/// <summary>Ocma's own address as the outside world reaches it: <c>PublicBaseUrl</c> behind a reverse proxy, else the request's.</summary>
public static class PublicAddress
{
    /// <summary>The base address, ending in '/'.</summary>
    public static Uri Of(HttpContext http)
    {
        var configured = http.RequestServices.GetRequiredService<IConfiguration>()["PublicBaseUrl"];
        var root = string.IsNullOrWhiteSpace(configured) ? $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}" : configured;
        return new Uri(root.TrimEnd('/') + "/");
    }
}
