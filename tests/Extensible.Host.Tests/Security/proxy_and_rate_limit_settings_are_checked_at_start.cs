using System.Net;
using Extensible.Host.Security;
using Extensible.Testing;
using Extensible.Testing.Hosts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Extensible.Host.Tests.Security;

public sealed class proxy_and_rate_limit_settings_are_checked_at_start
{
    [Theory]
    [InlineData("Extensible:KnownProxies", "--Extensible:KnownProxies=nginx")]
    [InlineData("Extensible:KnownProxies", "--Extensible:KnownProxies=10.0.0")]
    [InlineData("Extensible:KnownProxies:1", "--Extensible:KnownProxies:0=10.0.0.5", "--Extensible:KnownProxies:1=10.0.0.0/8")]
    [InlineData("Extensible:KnownNetworks", "--Extensible:KnownNetworks=10.0.0.0")]
    [InlineData("Extensible:KnownNetworks", "--Extensible:KnownNetworks=10.0.0.1/8")]
    [InlineData("Extensible:KnownNetworks", "--Extensible:KnownNetworks=0.0.0.0/0")]
    [InlineData("Extensible:KnownNetworks:0", "--Extensible:KnownNetworks:0=fd00::/200")]
    [InlineData("Extensible:RateLimits:SignInPerMinute", "--Extensible:RateLimits:SignInPerMinute=0")]
    [InlineData("Extensible:RateLimits:ApiPerMinute", "--Extensible:RateLimits:ApiPerMinute=lots")]
    [InlineData("Extensible:RateLimits:ApiPerMinut", "--Extensible:RateLimits:ApiPerMinut=100")]
    public async Task a_bad_setting_stops_the_start_with_an_error_naming_its_key(string key, params string[] settings)
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("proxyconfig");
        await using var app = await ExtensibleTestHost.BuildAsync(connectionString, settings);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(key + " ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task lists_may_be_one_comma_separated_value()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("proxyconfig");
        await using var app = await ExtensibleTestHost.BuildAsync(connectionString, "--Extensible:KnownProxies=10.0.0.5, fd00::5", "--Extensible:KnownNetworks=10.1.0.0/16,fd00:1::/64", "--Extensible:RateLimits:ApiPerMinute=100");
        await app.StartAsync();

        var proxies = app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value;
        Assert.Equal([IPAddress.Parse("10.0.0.5"), IPAddress.Parse("fd00::5")], proxies.KnownProxies);
        Assert.Equal([IPNetwork.Parse("10.1.0.0/16"), IPNetwork.Parse("fd00:1::/64")], proxies.KnownNetworks);
        Assert.Equal(100, app.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value.ApiPerMinute);
        await app.StopAsync();
    }
}
