namespace Ocma.Tests.Support;

/// <summary>
/// Tests that measure the process's memory run alone, with no other test class beside them: the working set is the
/// whole process's, and another test's uploads or app hosts would count against the one measuring.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasuredCollection
{
    public const string Name = "Memory measured";
}
