using System.Text.RegularExpressions;

namespace Ocma.Web.Hosting;

/// <summary>Turns the configuration binder's and the options validators' messages into "Setting = 'value': what is allowed".</summary>
internal static partial class SettingProblems
{
    /// <summary>"Failed to convert configuration value 'banana' at 'Publishing:OrphanAfter' to type 'System.TimeSpan'."</summary>
    public static string FromBinder(InvalidOperationException error)
    {
        var match = BinderMessage().Match(error.Message);
        if (!match.Success)
        {
            return error.Message;
        }

        var (value, key, typeName) = (match.Groups["value"].Value, match.Groups["key"].Value, match.Groups["type"].Value);
        return $"{key} = '{value}' is not {Allowed(typeName)}.";
    }

    /// <summary>The setting a binder message names ("Publishing:OrphanAfter"), or null for another message.</summary>
    public static string? BinderKey(InvalidOperationException error) =>
        BinderMessage().Match(error.Message) is { Success: true } match ? match.Groups["key"].Value : null;

    /// <summary>"DataAnnotation validation failed for 'PublishingOptions' members: 'Workers' with the error: 'The field Workers must be between 1 and 256.'."</summary>
    public static string FromValidation(string failure, Type optionsType, IConfiguration configuration)
    {
        var section = optionsType.GetField("SectionName")?.GetRawConstantValue() as string;
        var match = AnnotationMessage().Match(failure);
        if (!match.Success || section is null)
        {
            return failure;
        }

        var key = $"{section}:{match.Groups["member"].Value}";
        var setting = configuration.GetSection(key);
        var value = setting.Value ?? (setting.GetChildren().Any() ? string.Join(", ", setting.GetChildren().Select(c => c.Value)) : "(not set)");
        return $"{key} = '{value}': {match.Groups["error"].Value.Replace("The field ", "The setting ", StringComparison.Ordinal)}";
    }

    private static string Allowed(string typeName)
    {
        var type = Type.GetType(typeName) ?? AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(typeName)).FirstOrDefault(t => t is not null);
        return type switch
        {
            { IsEnum: true } => $"one of: {string.Join(", ", Enum.GetNames(type))}",
            _ when type == typeof(TimeSpan) => "a duration (hh:mm:ss, e.g. 00:05:00, or d.hh:mm:ss)",
            _ when type == typeof(int) || type == typeof(long) => "a whole number",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(double) || type == typeof(decimal) => "a number (with a . for decimals)",
            _ => $"a valid {type?.Name ?? typeName}",
        };
    }

    [GeneratedRegex(@"^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex BinderMessage();

    [GeneratedRegex(@"^DataAnnotation validation failed for '[^']+' members: '(?<member>[^']+)' with the error: '(?<error>.*)'\.?$")]
    private static partial Regex AnnotationMessage();
}
