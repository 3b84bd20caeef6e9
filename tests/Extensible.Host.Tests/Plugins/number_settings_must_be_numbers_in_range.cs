using System.Net;
using System.Text.Json;
using Extensible.Host.Tests.Api;
using Extensible.Host.Tests.Console;
using Extensible.Plugins;
using Extensible.Testing.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Host.Tests.Plugins;

/// <summary>
/// Number settings take finite numbers that fit their type and their <c>[Range]</c>; anything else — <c>NaN</c>,
/// <c>Infinity</c>, <c>1e308</c>, a huge integer — is a 400 (or a message on the console's form) naming the field and its
/// bounds, and saves nothing. The console and the API share the rule, so both are asked the same.
/// </summary>
public sealed class number_settings_must_be_numbers_in_range(ApiHost api) : IClassFixture<ApiHost>
{
    private const string PluginId = "test.numbers";

    private static readonly TestPlugin Plugin = new(PluginId, "Numbers", "1.0.0", """
        using System.ComponentModel.DataAnnotations;
        using System.Threading;
        using System.Threading.Tasks;
        using Extensible.Sdk;
        using Extensible.Sdk.Content;

        namespace Test.Numbers;

        public sealed class NumbersPlugin : IPlugin
        {
            public void Register(IPluginBuilder plugin)
            {
                plugin.UseSettings<NumberSettings>();
                plugin.AddContentRule(_ => new Rule());
            }
        }

        public sealed class NumberSettings
        {
            [Range(1, 10)] public int Whole { get; set; } = 1;
            public int AnyWhole { get; set; }
            [Range(1, 100)] public long Big { get; set; } = 1;
            // An int range on a double, as the sandbox's "items per minute": RangeAttribute converts 1e308 to int and throws.
            [Range(0, 600)] public double Rate { get; set; } = 4;
            [Range(0.0, 1.0)] public double Share { get; set; }
            public double AnyDouble { get; set; }
            [Range(typeof(decimal), "0", "100")] public decimal Price { get; set; }
            public decimal AnyDecimal { get; set; }
        }

        public sealed class Rule : IContentRule
        {
            public CapabilityInfo Info { get; } = new("numbers", "Numbers", "Does nothing.");

            public Task<RuleVerdict> EvaluateAsync(ContentDraft draft, CancellationToken cancellationToken) => Task.FromResult(RuleVerdict.Pass());
        }
        """);

    public static TheoryData<string, string> NotANumberInRange
    {
        get
        {
            var data = new TheoryData<string, string>();
            string[] fields = ["Whole", "AnyWhole", "Big", "Rate", "Share", "Price", "AnyDecimal"];
            string[] values = ["1e308", "-1e308", "NaN", "Infinity", "-Infinity", "1e309", "99999999999999999999999999999999", "-99999999999999999999999999999999", "1.5e400"];
            foreach (var name in fields)
            {
                foreach (var value in values)
                {
                    data.Add(name, value);
                }
            }

            data.Add("AnyDouble", "NaN");
            data.Add("AnyDouble", "Infinity");
            data.Add("AnyDouble", "1e309");
            data.Add("Whole", "1.5");
            data.Add("Whole", "0");
            data.Add("Whole", "-0");
            data.Add("Share", "1.0000001");
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(NotANumberInRange))]
    public async Task the_api_refuses_it_naming_the_field(string field, string value)
    {
        await InstallAsync();
        using var client = api.Client(ApiHost.OwnerToken);
        var before = await api.EventCountAsync();

        // As a JSON number where JSON has one, and always as a string.
        foreach (var body in new[] { $$"""{"{{field}}":"{{value}}"}""", $$"""{"{{field}}":{{value}}}""" }.Where(IsJson))
        {
            using var response = await client.PutJsonAsync($"/api/v1/plugins/{PluginId}/settings", body);
            var problem = await response.JsonAsync(HttpStatusCode.BadRequest);
            var messages = problem.GetProperty("errors").GetProperty(field);
            Assert.Contains("number between", messages[0].GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await api.EventCountAsync());
    }

    [Theory]
    [MemberData(nameof(NotANumberInRange))]
    public async Task the_console_shows_it_beside_the_field_and_saves_nothing(string field, string value)
    {
        await InstallAsync();
        using var browser = new ConsoleBrowser(api.Host.Address);
        await browser.SignInAsync(api, ApiHost.OwnerEmail);
        var (_, token) = await browser.PageAsync($"/plugins/{PluginId}/settings");
        var before = await api.EventCountAsync();

        using var response = await browser.PostFormAsync($"/plugins/{PluginId}/settings", [new(field, value)], token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Nothing was saved", html, StringComparison.Ordinal);
        Assert.Matches($"""id="setting-{field}-hint"[\s\S]*?must be a (whole )?number between""", html);
        Assert.Equal(before, await api.EventCountAsync());
    }

    [Theory]
    [InlineData("AnyDouble", "-0", "0")]
    [InlineData("Share", "-0", "0")]
    [InlineData("Rate", "600", "600")]
    [InlineData("AnyDouble", "1e308", "1E+308")]
    [InlineData("Price", "99.5", "99.5")]
    [InlineData("Big", " 100 ", "100")]
    public async Task a_number_in_range_is_saved(string field, string value, string stored)
    {
        await InstallAsync();
        using var client = api.Client(ApiHost.OwnerToken);

        using var response = await client.PutJsonAsync($"/api/v1/plugins/{PluginId}/settings", JsonSerializer.Serialize(new Dictionary<string, string> { [field] = value }));

        var fields = (await response.JsonAsync()).GetProperty("fields").EnumerateArray();
        Assert.Equal(stored, fields.Single(f => f.Text("name") == field).Text("value"));
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static readonly SemaphoreSlim Installing = new(1, 1);

    private async Task InstallAsync()
    {
        await Installing.WaitAsync();
        try
        {
            var catalog = api.Host.Services.GetRequiredService<IPluginCatalog>();
            if (catalog.Find(PluginId) is null)
            {
                await api.Host.Services.GetRequiredService<IPluginAdministration>().InstallAsync(new MemoryStream(Plugin.Archive()), "tests");
            }
        }
        finally
        {
            Installing.Release();
        }
    }
}
