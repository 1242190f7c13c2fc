using System.ComponentModel.DataAnnotations;
using Ocma.Connectors.Shared;

namespace Ocma.Connectors.Bluesky;

/// <summary>Bluesky settings (section <c>Connectors:Bluesky</c>).</summary>
public sealed class BlueskyOptions : ConnectorHttpOptions
{
    public const string SectionName = "Connectors:Bluesky";

    /// <summary>
    /// The entryway: where a handle is looked up (com.atproto.identity.resolveHandle) when a person does not name their
    /// server, and where an e-mail address signs in.
    /// </summary>
    [Required]
    [Url]
    public string DefaultServiceUrl { get; set; } = "https://bsky.social";

    /// <summary>The PLC directory that holds the identity document (and so the server) of every did:plc account.</summary>
    [Required]
    [Url]
    public string PlcDirectoryUrl { get; set; } = "https://plc.directory";

    /// <summary>Where people view posts; post links are built from it.</summary>
    [Required]
    [Url]
    public string AppViewUrl { get; set; } = "https://bsky.app";

    [Range(1, 10_000)]
    public int TextLimit { get; set; } = 300;

    [Range(1, 100_000)]
    public int MaxTextBytes { get; set; } = 3000;

    [Range(0, 4)]
    public int MaxImages { get; set; } = 4;

    [Range(1, 100_000_000)]
    public long MaxImageBytes { get; set; } = 1_000_000;

    /// <summary>Language tags put on new posts (empty for none).</summary>
    public string[] Languages { get; set; } = [];

    /// <summary>Allow plain http:// servers, and fetch did:web documents over http (only for local test servers).</summary>
    public bool AllowHttpServices { get; set; }
}
