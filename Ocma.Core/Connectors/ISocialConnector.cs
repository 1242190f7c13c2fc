namespace Ocma.Core.Connectors;

/// <summary>
/// One social platform, as a stateless translator: credentials come in, results go out. A connector never
/// touches the database or the vault, and returns expected failures as values with a <see cref="FailureKind"/>.
/// Only finished connectors are registered.
/// </summary>
public interface ISocialConnector
{
    ConnectorDescriptor Descriptor { get; }

    /// <summary>Where to send the browser to consent.</summary>
    Uri BuildAuthorizationUrl(AuthorizationStart start);

    Task<ConnectorResult<ConnectedAccounts>> ExchangeCodeAsync(CodeExchange exchange, CancellationToken cancellationToken);

    Task<ConnectorResult<ChannelCredentials>> RefreshAsync(RefreshRequest request, CancellationToken cancellationToken);

    /// <summary>Pure and cheap: the composer calls it on every keystroke.</summary>
    ContentValidation Validate(PostContent content);

    Task<ConnectorResult<PublishedPost>> PublishAsync(PublishRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Looks for a post an earlier attempt may have created. Success(null) means the platform says it is not
    /// there; a failure with <see cref="FailureKind.OutcomeUnknown"/> means the platform cannot tell.
    /// </summary>
    Task<ConnectorResult<PublishedPost?>> LookupAsync(LookupRequest request, CancellationToken cancellationToken);

    Task<ConnectorResult<HealthReport>> ProbeHealthAsync(ChannelCredentials credentials, CancellationToken cancellationToken);
}
