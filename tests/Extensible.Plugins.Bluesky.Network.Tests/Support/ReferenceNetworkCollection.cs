namespace Extensible.Plugins.Bluesky.Network.Tests.Support;

/// <summary>Every test class of this project shares one running network (it takes seconds to start), in this collection.</summary>
[CollectionDefinition(Name)]
public sealed class ReferenceNetworkCollection : ICollectionFixture<AtprotoNetwork>
{
    public const string Name = "AT Protocol reference network";
}
