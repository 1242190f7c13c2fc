using Ocma.Web.Hosting;
using Serilog.Events;
using Serilog.Parsing;

namespace Ocma.Tests.Web;

/// <summary>
/// ASP.NET Core attaches the request path to every event logged during a request; a structured log sink would write it.
/// The redactor rewrites it the way the request line is written.
/// </summary>
public sealed class RequestPathRedactorTests
{
    [Theory]
    [InlineData("/media/public/CfDJ8secret-token", "/media/public/[redacted]")]
    [InlineData("/Media/Public/CfDJ8secret-token", "/Media/Public/[redacted]")]
    [InlineData("/oauth/sandbox/callback?code=abc&state=xyz", "/oauth/sandbox/callback")]
    [InlineData("/posts/12", "/posts/12")]
    [InlineData("/media/public/", "/media/public/")]
    public void Enrich_RequestPathProperty_IsRedacted(string path, string expected)
    {
        var logEvent = new LogEvent(DateTimeOffset.UnixEpoch, LogEventLevel.Information, null, new MessageTemplateParser().Parse("Something happened"),
            [new LogEventProperty("RequestPath", new ScalarValue(path))]);

        new RequestPathRedactor().Enrich(logEvent, null!);

        Assert.Equal(expected, ((ScalarValue)logEvent.Properties["RequestPath"]).Value);
    }
}
