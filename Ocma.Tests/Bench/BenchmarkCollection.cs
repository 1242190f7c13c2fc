namespace Ocma.Tests.Bench;

/// <summary>Benchmarks run one at a time, so no scenario's figures include another's load.</summary>
[CollectionDefinition(Name)]
public sealed class BenchmarkCollection
{
    public const string Name = "Benchmarks";
}
