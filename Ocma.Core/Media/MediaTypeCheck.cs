namespace Ocma.Core.Media;

/// <summary>Whether a file's bytes agree with what its name and the browser claim, and whether the type is allowed.</summary>
public static class MediaTypeCheck
{
    public static string? Problem(string fileName, string? declaredContentType, MediaKind? actual, IReadOnlyCollection<string> allowedTypes)
    {
        var allowed = string.Join(", ", MediaSniffer.Known.Where(k => allowedTypes.Contains(k.ContentType, StringComparer.OrdinalIgnoreCase)).Select(k => k.Name.Split(' ')[0]));
        var claimed = MediaSniffer.FindByExtension(fileName)
            ?? (string.IsNullOrWhiteSpace(declaredContentType) ? null : MediaSniffer.Find(declaredContentType));
        if (actual is null)
        {
            return claimed is null
                ? $"'{fileName}' is not an image or video Ocma can use. Upload {allowed}."
                : $"'{fileName}' is not really {claimed.Spoken}: its contents are not {claimed.Spoken.Split(' ')[0]} {claimed.Name.Split(' ')[0]}. Export it again as {allowed}.";
        }

        if (claimed is not null && claimed != actual)
        {
            return $"'{fileName}' is not really {claimed.Spoken}: its contents are {actual.Spoken}. Rename it to {actual.Extensions[0]} or export it again.";
        }

        return allowedTypes.Contains(actual.ContentType, StringComparer.OrdinalIgnoreCase)
            ? null
            : $"'{fileName}' is {actual.Spoken}, which this installation does not accept (Media:AllowedTypes). Upload {allowed}.";
    }
}
