using Serilog.Core;
using Serilog.Events;

namespace Ocma.Web.Hosting;

/// <summary>
/// ASP.NET Core puts the request path on every event logged during a request (its logging scope); a structured sink would
/// write it out. This rewrites it the way the request line is written (<see cref="RequestLogging.Redact"/>).
/// </summary>
internal sealed class RequestPathRedactor : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        if (logEvent.Properties.TryGetValue("RequestPath", out var value) && value is ScalarValue { Value: string path })
        {
            var redacted = RequestLogging.Redact(path);
            if (redacted != path)
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty("RequestPath", new ScalarValue(redacted)));
            }
        }
    }
}
