using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Ocma.Tests.Fakes;

/// <summary>"The next call to this route fails like this": one-shot faults a test arms before acting.</summary>
public sealed class FaultQueue
{
    private readonly ConcurrentQueue<(string Method, string Path, Func<HttpContext, Task> Respond)> _faults = new();
    private readonly FaultQueue? _afterStore;

    public FaultQueue() => _afterStore = new FaultQueue(nested: true);

    private FaultQueue(bool nested) => _afterStore = null;

    /// <summary>The next call to this route is answered by <paramref name="respond"/> before the fake handles it (nothing is stored).</summary>
    public void Next(string method, string path, Func<HttpContext, Task> respond) => _faults.Enqueue((method, path, respond));

    /// <summary>
    /// The next call to this route is handled (the post is stored), then its answer is thrown away and
    /// <paramref name="respond"/> answers instead: a 5xx, a reset connection (<c>context.Abort()</c>) or a long silence.
    /// </summary>
    public void NextAfterStore(string method, string path, Func<HttpContext, Task> respond) => _afterStore!.Next(method, path, respond);

    internal Func<HttpContext, Task>? TakeAfterStore(HttpRequest request) => _afterStore!.Take(request);

    /// <summary>Takes the first armed fault for this request, if any.</summary>
    internal Func<HttpContext, Task>? Take(HttpRequest request)
    {
        lock (_faults)
        {
            var all = _faults.ToArray();
            var index = Array.FindIndex(all, f => f.Method == request.Method && f.Path == request.Path.Value);
            if (index < 0)
            {
                return null;
            }

            _faults.Clear();
            for (var i = 0; i < all.Length; i++)
            {
                if (i != index)
                {
                    _faults.Enqueue(all[i]);
                }
            }

            return all[index].Respond;
        }
    }
}
