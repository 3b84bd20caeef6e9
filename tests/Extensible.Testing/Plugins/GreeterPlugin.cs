namespace Extensible.Testing.Plugins;

/// <summary>A small plugin with settings of every kind (text, number, toggle, choice, secret) and one content rule, compiled when a test needs it.</summary>
public static class GreeterPlugin
{
    public const string Id = "test.greeter";
    public const string Name = "Greeter";

    public static TestPlugin Build(string version = "1.0.0") => new(Id, Name, version, Source)
    {
        Author = "Grace Greeter",
        Description = "Checks that posts greet their readers.",
    };

    private const string Source = """
        using System.ComponentModel.DataAnnotations;
        using System.Threading;
        using System.Threading.Tasks;
        using Extensible.Sdk;
        using Extensible.Sdk.Content;

        namespace Test.Greeter;

        public sealed class GreeterPlugin : IPlugin
        {
            public void Register(IPluginBuilder plugin)
            {
                plugin.UseSettings<GreeterSettings>();
                plugin.AddContentRule(_ => new GreetingRule());
            }
        }

        public enum Tone { Friendly, Formal }

        public sealed class GreeterSettings
        {
            [Display(Name = "Greeting", Description = "The word every post should start with.")]
            [Required, StringLength(40)]
            public string Greeting { get; set; } = "Hello";

            [Display(Name = "Repeat times")]
            [Range(1, 10)]
            public int RepeatTimes { get; set; } = 1;

            [Display(Name = "Shout")]
            public bool Shout { get; set; }

            [Display(Name = "Tone")]
            public Tone Tone { get; set; } = Tone.Friendly;

            [Display(Name = "API key")]
            [Secret]
            public string? ApiKey { get; set; }
        }

        public sealed class GreetingRule : IContentRule
        {
            public CapabilityInfo Info { get; } = new("greeting", "Greeting check", "Warns when a post does not greet its readers.");

            public Task<RuleVerdict> EvaluateAsync(ContentDraft draft, CancellationToken cancellationToken) =>
                Task.FromResult(RuleVerdict.Pass());
        }
        """;
}
