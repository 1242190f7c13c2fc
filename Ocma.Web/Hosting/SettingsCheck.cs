using Microsoft.Extensions.Options;
using Ocma.Core.Data;

namespace Ocma.Web.Hosting;

/// <summary>
/// Start-up's first step: the data folder and every setting are checked before anything touches the database, and each
/// problem is told in one plain line naming the setting, its value and what is allowed — never a stack trace. See ADR 0025.
/// </summary>
internal static class SettingsCheck
{
    public const int ExitCode = 2;

    /// <summary>The data folder exists (or can be made) and is a folder Ocma can write to; too little room on its disk is warned about.</summary>
    public static IReadOnlyList<string> DataFolderProblems(IConfiguration configuration)
    {
        StorageOptions storage;
        try
        {
            storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        }
        catch (InvalidOperationException e)
        {
            return [SettingProblems.FromBinder(e)];
        }

        if (DataFolder.Problems(storage) is { } problem)
        {
            return [problem];
        }

        if (DataFolder.LowSpaceWarning(storage) is { } warning)
        {
            Console.Error.WriteLine("Warning: " + warning);
        }

        return [];
    }

    /// <summary>Every Ocma options type registered in <paramref name="services"/>, to be checked once the app is built.</summary>
    public static IReadOnlyList<Type> OptionTypes(IServiceCollection services) =>
        services.Select(d => d.ServiceType)
            .Where(t => t.IsGenericType && (t.GetGenericTypeDefinition() == typeof(IConfigureOptions<>) || t.GetGenericTypeDefinition() == typeof(IValidateOptions<>)))
            .Select(t => t.GetGenericArguments()[0])
            .Where(t => t.Namespace?.StartsWith("Ocma.", StringComparison.Ordinal) == true)
            .Distinct()
            .ToList();

    /// <summary>Binds and validates every options type, collecting every problem rather than stopping at the first.</summary>
    public static IReadOnlyList<string> OptionsProblems(IServiceProvider services, IEnumerable<Type> optionTypes)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var problems = new List<string>();
        foreach (var type in optionTypes)
        {
            var options = typeof(IOptions<>).MakeGenericType(type);
            try
            {
                options.GetProperty(nameof(IOptions<object>.Value))!.GetValue(services.GetRequiredService(options));
            }
            catch (System.Reflection.TargetInvocationException e) when (e.InnerException is OptionsValidationException invalid)
            {
                problems.AddRange(invalid.Failures.Select(f => SettingProblems.FromValidation(f, type, configuration)));
            }
            catch (System.Reflection.TargetInvocationException e) when (e.InnerException is InvalidOperationException)
            {
                problems.AddRange(UnbindableProblems(services, type, configuration));
            }
        }

        return problems;
    }

    /// <summary>
    /// A type with a value that does not convert: each such value is reported and left out in turn until the rest binds,
    /// then the rest is validated too, so "Workers=0" is not hidden behind "OrphanAfter=banana".
    /// </summary>
    private static List<string> UnbindableProblems(IServiceProvider services, Type type, IConfiguration configuration)
    {
        var problems = new List<string>();
        var leftOut = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var section = type.GetField("SectionName")?.GetRawConstantValue() as string ?? string.Empty;
        object? bound = null;
        while (bound is null)
        {
            var view = new ConfigurationBuilder().AddInMemoryCollection(configuration.AsEnumerable().Where(kv => !leftOut.Contains(kv.Key))).Build();
            try
            {
                bound = view.GetSection(section).Get(type) ?? Activator.CreateInstance(type)!;
            }
            catch (InvalidOperationException e) when (SettingProblems.BinderKey(e) is string key && leftOut.Add(key))
            {
                problems.Add(SettingProblems.FromBinder(e));
            }
        }

        foreach (var validator in services.GetServices(typeof(IValidateOptions<>).MakeGenericType(type)))
        {
            var result = (ValidateOptionsResult)validator!.GetType().GetMethod(nameof(IValidateOptions<object>.Validate))!.Invoke(validator, [Options.DefaultName, bound])!;
            problems.AddRange((result.Failures ?? []).Select(f => SettingProblems.FromValidation(f, type, configuration)));
        }

        return problems;
    }

    /// <summary>Says what to fix on standard error and gives the exit code start-up ends with.</summary>
    public static int Refuse(IReadOnlyList<string> problems)
    {
        Console.Error.WriteLine(problems.Count == 1
            ? "Ocma did not start: a setting needs fixing."
            : $"Ocma did not start: {problems.Count} settings need fixing.");
        foreach (var problem in problems)
        {
            Console.Error.WriteLine("  - " + problem);
        }

        Console.Error.WriteLine("Settings come from Ocma.Web/appsettings*.json and environment variables (Section__Name); appsettings.Example.json lists every one.");
        return ExitCode;
    }
}
