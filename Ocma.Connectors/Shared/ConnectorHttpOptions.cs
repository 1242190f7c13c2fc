using System.ComponentModel.DataAnnotations;

namespace Ocma.Connectors.Shared;

/// <summary>Settings every platform connector shares (bound under <c>Connectors:&lt;Platform&gt;</c>).</summary>
public abstract class ConnectorHttpOptions
{
    /// <summary>Set false to leave the platform out of this installation.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long one HTTP call may take before it is given up.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times a failed GET or HEAD is repeated (POST, PUT and DELETE never are).</summary>
    [Range(0, 5)]
    public int SafeRetries { get; set; } = 2;

    /// <summary>The first pause before repeating a GET; later pauses grow.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan SafeRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);
}
