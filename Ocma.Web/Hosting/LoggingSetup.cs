using Ocma.Core.Data;
using Serilog;
using Serilog.Configuration;
using Serilog.Events;
using Serilog.Filters;

namespace Ocma.Web.Hosting;

public static class LoggingSetup
{
    private const string FileTemplate = "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>
    /// Serilog for every log line: console plus a daily rolling file under the data directory; levels from the <c>Serilog</c>
    /// section. Other registered logger providers (the tests' capture) still receive every event.
    /// </summary>
    public static WebApplicationBuilder AddOcmaLogging(this WebApplicationBuilder builder)
    {
        var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(
            (_, logger) => Configure(logger, builder.Configuration, storage.FullDataDirectory),
            preserveStaticLogger: true,
            writeToProviders: true);
        return builder;
    }

    /// <remarks>
    /// The log file never throws into the app (a full disk, a logs folder that cannot be created): the rolling file sink opens
    /// its file on the first event, not here; Serilog catches what a sink throws while writing; and <see cref="NeverThrowingSink"/>
    /// catches what the file throws when it is flushed and closed at shutdown. <c>LoggingFailureTests</c> proves it.
    /// </remarks>
    internal static LoggerConfiguration Configure(LoggerConfiguration logger, IConfiguration configuration, string dataDirectory) => logger
        .MinimumLevel.Information()
        .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
        .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
        .MinimumLevel.Override("Quartz", LogEventLevel.Warning)
        .MinimumLevel.Override("System.Net.Http.HttpClient", LogEventLevel.Warning)
        .ReadFrom.Configuration(configuration)
        .Enrich.FromLogContext()
        .Enrich.With<RequestPathRedactor>()
        // ASP.NET Core's own request lines carry the full URL (query strings, tokens in paths) whatever the level; Ocma's request
        // log replaces them.
        .Filter.ByExcluding(Matching.FromSource("Microsoft.AspNetCore.Hosting.Diagnostics"))
        .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}")
        .WriteTo.Sink(new NeverThrowingSink(LoggerSinkConfiguration.CreateSink(file => file.File(
            Path.Combine(dataDirectory, "logs", "ocma-.log"),
            rollingInterval: RollingInterval.Day,
            retainedFileCountLimit: 14,
            shared: true,
            outputTemplate: FileTemplate))));
}
