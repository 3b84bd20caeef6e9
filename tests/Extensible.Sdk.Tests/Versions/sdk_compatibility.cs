namespace Extensible.Sdk.Tests.Versions;

public sealed class sdk_compatibility
{
    [Fact]
    public void the_sdk_reports_its_semantic_version()
    {
        Assert.Equal(new Version(1, 0, 0), SdkInfo.Version);
        Assert.Equal("1.0.0", SdkInfo.VersionText);
        Assert.Equal("^1.0", SdkInfo.CurrentRange);
    }

    [Theory]
    [InlineData("^1.0")]
    [InlineData("1.0")]
    [InlineData("^1.0.0")]
    [InlineData("1.0.7")]
    public void a_plugin_built_against_this_major_and_minor_is_compatible(string range) => Assert.True(SdkInfo.IsCompatible(range));

    [Theory]
    [InlineData("^2.0")]
    [InlineData("^0.9")]
    [InlineData("^1.1")]
    public void another_major_or_a_later_minor_is_not(string range) => Assert.False(SdkInfo.IsCompatible(range));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("1")]
    [InlineData(">=1.0")]
    [InlineData("^1.x")]
    [InlineData("1.0.0.0")]
    [InlineData("latest")]
    public void a_malformed_range_is_not_compatible(string? range)
    {
        Assert.False(SdkInfo.TryParseRange(range, out _));
        Assert.False(SdkInfo.IsCompatible(range));
    }

    [Fact]
    public void a_newer_minor_sdk_runs_plugins_built_against_an_older_minor()
    {
        Assert.True(SdkInfo.TryParseRange("^1.0", out var minimum));
        Assert.Equal(new Version(1, 0, 0), minimum);
        Assert.True(SdkInfo.IsCompatible(new Version(SdkInfo.Version.Major, 0, 0)));
        Assert.False(SdkInfo.IsCompatible(new Version(SdkInfo.Version.Major, SdkInfo.Version.Minor + 1, 0)));
    }
}
