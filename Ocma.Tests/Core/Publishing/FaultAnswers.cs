using Microsoft.AspNetCore.Http;

namespace Ocma.Tests.Core.Publishing;

/// <summary>The ways a platform's answer to a stored post goes missing, the same on every fake.</summary>
internal static class FaultAnswers
{
    public static Task Json(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(body);
    }

    /// <summary>The connection drops after the post was stored.</summary>
    public static Task Reset(HttpContext context)
    {
        context.Abort();
        return Task.CompletedTask;
    }

    /// <summary>No answer before the client's 2 s timeout.</summary>
    public static Task Silence(HttpContext context) =>
        Task.Delay(TimeSpan.FromSeconds(3), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
}
