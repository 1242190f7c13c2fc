namespace Ocma.Core.Connectors;

/// <summary>The connectors this installation has registered, by key.</summary>
public sealed class ConnectorRegistry(IEnumerable<ISocialConnector> connectors)
{
    private readonly Dictionary<string, ISocialConnector> _byKey =
        connectors.ToDictionary(c => c.Descriptor.Key, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<ISocialConnector> All => _byKey.Values;

    public ISocialConnector? Find(string key) => _byKey.GetValueOrDefault(key);

    public ISocialConnector Get(string key) =>
        Find(key) ?? throw new InvalidOperationException($"No connector is registered for platform '{key}'.");
}
