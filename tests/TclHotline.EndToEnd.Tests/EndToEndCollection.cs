using TclHotline.EndToEnd.Tests.Harness;
using Xunit;

// The distributed system and the standalone host each load both cores; run their collections one after the other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace TclHotline.EndToEnd.Tests;

/// <summary>Every end-to-end test shares one running system: starting the broker and five hosts costs most of the run.</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<SystemUnderTest>
{
    public const string Name = "end-to-end";
}

/// <summary>The tests of the embedded default: the standalone host alone, no broker.</summary>
[CollectionDefinition(Name)]
public sealed class StandaloneCollection : ICollectionFixture<StandaloneSystem>
{
    public const string Name = "standalone-end-to-end";
}
