using MudBlazor;

namespace Ocma.Web.Components.Layout;

/// <summary>
/// The console's light and dark palettes. MudBlazor's defaults put white text on light green and orange; these status
/// colours are deep enough in light mode and light enough (with dark text on them) in dark mode that every pairing
/// keeps at least 3:1 contrast, which the every-page browser test measures.
/// </summary>
public static class OcmaTheme
{
    public static readonly MudTheme Instance = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#4340d2",
            Secondary = "#7a3e9d",
            Tertiary = "#00796b",
            Info = "#0b6aa2",
            Success = "#2e7d32",
            Warning = "#a8510a",
            Error = "#c62828",
            Dark = "#3b4252",
            AppbarBackground = "#4340d2",
            Background = "#f5f6fa",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            TextPrimary = "#1f2430",
            TextSecondary = "#545b6b",
            DrawerText = "#1f2430",
            DrawerIcon = "#545b6b",
            ActionDefault = "#545b6b",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#a5a3ff",
            PrimaryContrastText = "#16152e",
            Secondary = "#d7a6f2",
            SecondaryContrastText = "#241031",
            Tertiary = "#6fd6c6",
            TertiaryContrastText = "#062a25",
            Info = "#7cc4f5",
            InfoContrastText = "#06202f",
            Success = "#7ccf82",
            SuccessContrastText = "#0b240d",
            Warning = "#f6b35e",
            WarningContrastText = "#2b1600",
            Error = "#f28b82",
            ErrorContrastText = "#2d0606",
            Dark = "#c8ccd6",
            DarkContrastText = "#1a1c24",
            AppbarBackground = "#262935",
            AppbarText = "#eceef4",
            Background = "#1b1d25",
            Surface = "#262935",
            DrawerBackground = "#21232d",
            DrawerText = "rgba(255,255,255,0.87)",
            DrawerIcon = "rgba(255,255,255,0.72)",
            TextPrimary = "rgba(255,255,255,0.87)",
            TextSecondary = "rgba(255,255,255,0.68)",
            ActionDefault = "rgba(255,255,255,0.72)",
            LinesInputs = "rgba(255,255,255,0.42)",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica", "Arial", "sans-serif"] },
            Button = new ButtonTypography { TextTransform = "none", FontWeight = "600" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px" },
    };
}
