using Ocma.Tests.Fakes;

namespace Ocma.Tests.Core.Publishing;

/// <summary>The fault stages of Meta's Graph API (Facebook Pages and Instagram): its error envelope, and throttling as code 32 on HTTP 400.</summary>
internal static class GraphFaults
{
    public static TheoryData<string> Stages => ["before-store-code-2", "stored-then-500", "stored-then-502", "stored-then-reset", "stored-then-timeout", "throttled-code-32"];

    /// <summary>Arms one fault of <paramref name="stage"/> on POSTs to <paramref name="path"/>, made for account <paramref name="accountId"/>.</summary>
    public static void Arm(FaultQueue faults, string path, string accountId, string stage)
    {
        switch (stage)
        {
            case "before-store-code-2":
                faults.Next("POST", path, c => FaultAnswers.Json(c, 500, Error(2, "An unexpected error has occurred. Please retry your request later.")));
                break;
            case "stored-then-500":
                faults.NextAfterStore("POST", path, c => FaultAnswers.Json(c, 500, Error(1, "An unknown error occurred")));
                break;
            case "stored-then-502":
                faults.NextAfterStore("POST", path, c => FaultAnswers.Json(c, 502, new { }));
                break;
            case "stored-then-reset":
                faults.NextAfterStore("POST", path, FaultAnswers.Reset);
                break;
            case "stored-then-timeout":
                faults.NextAfterStore("POST", path, FaultAnswers.Silence);
                break;
            default:
                faults.Next("POST", path, c =>
                {
                    c.Response.Headers["X-Business-Use-Case-Usage"] = $$"""{"{{accountId}}":[{"type":"pages","call_count":100,"total_cputime":20,"total_time":25,"estimated_time_to_regain_access":0}]}""";
                    return FaultAnswers.Json(c, 400, Error(32, "(#32) Page request limit reached"));
                });
                break;
        }
    }

    private static object Error(int code, string message) => new { error = new { message, type = "OAuthException", code, fbtrace_id = "AbCdEf123" } };
}
