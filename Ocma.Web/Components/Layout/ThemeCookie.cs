namespace Ocma.Web.Components.Layout;

/// <summary>The cookie that remembers light or dark mode; the server reads it so a page is drawn in the right theme.</summary>
public static class ThemeCookie
{
    public const string Name = "OcmaTheme";

    public const string Dark = "dark";

    public const string Light = "light";

    /// <remarks>"material-dark" is what the console wrote before MudBlazor; people who chose dark then keep it.</remarks>
    public static bool IsDark(HttpRequest request) => request.Cookies[Name] is Dark or "material-dark";
}

/// <summary>The theme a page starts in, cascaded from <c>Routes</c> to the layouts.</summary>
public sealed record InitialTheme(bool Dark);
