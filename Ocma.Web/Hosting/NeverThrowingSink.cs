using Serilog.Core;
using Serilog.Debugging;
using Serilog.Events;

namespace Ocma.Web.Hosting;

/// <summary>
/// Keeps a failing log file out of the app's way. Serilog already guards <c>Emit</c>, but the file sink flushes its buffer
/// when the logger is disposed at shutdown, and on a full disk that flush throws out of the host's disposal.
/// Failures go to Serilog's own failure log (<see cref="SelfLog"/>), off unless someone enables it.
/// </summary>
internal sealed class NeverThrowingSink(ILogEventSink inner) : ILogEventSink, IDisposable
{
    public void Emit(LogEvent logEvent)
    {
        try
        {
            inner.Emit(logEvent);
        }
        catch (Exception ex)
        {
            SelfLog.WriteLine("Caught exception while emitting to sink {0}: {1}", inner, ex);
        }
    }

    public void Dispose()
    {
        try
        {
            (inner as IDisposable)?.Dispose();
        }
        catch (Exception ex)
        {
            SelfLog.WriteLine("Caught exception while closing sink {0}: {1}", inner, ex);
        }
    }
}
