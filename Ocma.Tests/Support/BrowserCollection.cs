namespace Ocma.Tests.Support;

/// <summary>
/// Browser journeys run one at a time (alongside the other tests, not each other): on two cores, several Chromium
/// instances and app hosts at once make "is the circuit interactive yet" timing unreliable.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection
{
    public const string Name = "Browser journeys";
}
