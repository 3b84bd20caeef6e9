namespace Extensible.Host.Tests.Publishing;

/// <summary>A publishing host whose publisher is off, for tests that write the publisher's events themselves.</summary>
public sealed class PublishingHostWithoutPublisher : PublishingHost
{
    public PublishingHostWithoutPublisher() => Arguments = ["--Extensible:Publisher:Enabled=false"];
}
