using System.Globalization;

namespace Ocma.Core.Media;

public static class MediaDuration
{
    /// <summary>A playing time as video players show it: 0:42, 2:20, 1:02:03 (whole seconds, rounded up so a limit is never undersold).</summary>
    public static string Describe(TimeSpan duration)
    {
        var total = (long)Math.Ceiling(Math.Round(duration.TotalSeconds, 3));
        var hours = total / 3600;
        var minutes = total / 60 % 60;
        var seconds = total % 60;
        return hours > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{hours}:{minutes:00}:{seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{minutes}:{seconds:00}");
    }
}
