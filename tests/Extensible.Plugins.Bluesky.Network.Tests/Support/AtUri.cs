namespace Extensible.Plugins.Bluesky.Network.Tests.Support;

/// <summary>The parts of a record's <c>at://repo/collection/rkey</c> URI.</summary>
public static class AtUri
{
    public static (string Repo, string Collection, string RecordKey) Parse(string atUri)
    {
        var parts = atUri.StartsWith("at://", StringComparison.Ordinal) ? atUri["at://".Length..].Split('/') : [];
        Assert.True(parts.Length == 3, $"'{atUri}' is not an at:// URI of a record.");
        return (parts[0], parts[1], parts[2]);
    }
}
