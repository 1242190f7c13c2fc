using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Ocma.Tests.Fakes;

/// <summary>"The next call to this route fails like this": one-shot faults a test arms before acting.</summary>
public sealed class FaultQueue
{
    private readonly ConcurrentQueue<(string Method, string Path, Func<HttpContext, Task> Respond)> _faults = new();

    public void Next(string method, string path, Func<HttpContext, Task> respond) => _faults.Enqueue((method, path, respond));

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
