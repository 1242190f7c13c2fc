using Ocma.Core.Channels;
using Ocma.Core.Posts;

namespace Ocma.Core.Live;

/// <summary>Something changed that open consoles should show without a reload.</summary>
public abstract record LiveEvent;

public sealed record TargetStateChanged(int PostId, int TargetId, int ChannelId, TargetState State, string? Reason, string? PlatformUrl) : LiveEvent;

public sealed record ChannelStatusChanged(int ChannelId, ChannelStatus Status, string? Reason) : LiveEvent;

/// <summary>A platform's circuit breaker opened or closed; channel cards of that platform show or drop "Degraded".</summary>
public sealed record PlatformStatusChanged(string PlatformKey, DateTime? DegradedUntilUtc, string? LastError) : LiveEvent;

/// <summary>A brand was added, renamed or deleted; the top bar's brand picker reloads its list.</summary>
public sealed record BrandsChanged : LiveEvent;
