using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Extensible.Browser.Tests.Support;
using Extensible.Inbox;
using Extensible.People;
using Extensible.Publishing.Accounts;
using Extensible.Testing.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Browser.Tests.Inbox;

/// <summary>
/// Olive's console with the sandbox network running and one sandbox account connected to Acme, a second moderator (Sam)
/// and an analyst (Ann). The poller is off: every item a test sees is one it delivered, by signed webhook as the sandbox
/// network would, or stored through ingestion when a webhook cannot carry it (an item's links).
/// </summary>
public class InboxConsole : OwnedConsole
{
    public const string SandboxPlugin = "extensible.sandbox";
    public const string ModeratorName = "Sam Moderator";
    public const string AnalystName = "Ann Analyst";

    // The sandbox's signing key when its settings name none (SandboxWebhookSignature.DefaultKey, docs/plugins/sandbox.md).
    private const string SigningKey = "sandbox-webhook-key";

    private readonly Dictionary<string, string> _sessions = new(StringComparer.Ordinal);
    private string? _moderatorEmail;
    private string? _analystEmail;

    /// <summary>The connected sandbox account.</summary>
    public AccountRecord Account { get; private set; } = null!;

    protected override string[] HostArguments =>
        [.. base.HostArguments, $"--Extensible:Plugins:BundledPath={BundledPlugins.HostBuildOutputFolder()}", "--Extensible:Inbox:Polling=false"];

    /// <summary>A tab where Sam, a moderator, is signed in (once per class; later tabs share his session).</summary>
    public Task<ConsoleTab> ModeratorTabAsync() => PersonTabAsync(_moderatorEmail!);

    /// <summary>A tab where Ann, an analyst, is signed in.</summary>
    public Task<ConsoleTab> AnalystTabAsync() => PersonTabAsync(_analystEmail!);

    /// <summary>The id of the thread that comments on network post <paramref name="postId"/> join.</summary>
    public Guid ThreadOf(string postId) => InboxStreams.ThreadIdFor(Account.Id, "post:" + postId);

    /// <summary>A comment on network post <paramref name="postId"/>, as a webhook delivery's item.</summary>
    public static Dictionary<string, object> Comment(string postId, string text, string handle = "@ada", string name = "Ada") => new(StringComparer.Ordinal)
    {
        ["id"] = "w-" + Guid.NewGuid().ToString("N"),
        ["kind"] = "comment",
        ["authorId"] = "u-" + handle.TrimStart('@'),
        ["authorHandle"] = handle,
        ["authorName"] = name,
        ["text"] = text,
        ["createdAt"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        ["postId"] = postId,
    };

    /// <summary>Delivers <paramref name="items"/> to the host's webhook for the account, signed as the sandbox signs, and checks it was taken.</summary>
    public Task DeliverAsync(params Dictionary<string, object>[] items) => DeliverAsync(Host.Address, items);

    /// <summary>Delivers <paramref name="items"/> to the webhook at <paramref name="node"/> (a host of the installation).</summary>
    public async Task DeliverAsync(Uri node, params Dictionary<string, object>[] items)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["account"] = Account.PlatformAccountId, ["items"] = items });
        using var response = await DeliverBodyAsync(node, body);
        Assert.True(response.IsSuccessStatusCode, $"The webhook answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Delivers <paramref name="body"/> as it is (malformed, say) to the account's webhook at <paramref name="node"/>, signed; answers the response.</summary>
    public async Task<HttpResponseMessage> DeliverBodyAsync(Uri node, byte[] body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var client = new HttpClient { BaseAddress = node };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/{SandboxPlugin}/{Account.Id}") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("x-sandbox-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("x-sandbox-signature", Sign(timestamp, body));
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    protected override async Task ArrangeAsync()
    {
        await base.ArrangeAsync();
        var owner = await Directory.FindUserByEmailAsync(OwnerEmail) ?? throw new InvalidOperationException("The owner was not bootstrapped.");
        var accountId = await Host.Services.GetRequiredService<AccountService>().ConnectWithoutCredentialsAsync(WorkspaceId, SandboxPlugin, "sandbox", OwnerEmail, owner.Id, CancellationToken.None);
        Account = (await Host.Services.GetRequiredService<AccountDirectory>().FindAsync(WorkspaceId, accountId))!;
        _moderatorEmail = await AddMemberAsync(Role.Moderator, ModeratorName);
        _analystEmail = await AddMemberAsync(Role.Analyst, AnalystName);
    }

    // The documented scheme: "sha256=" + hex HMAC-SHA256 of "<timestamp>.<body>".
    private static string Sign(long timestamp, byte[] body)
    {
        var signed = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".").Concat(body).ToArray();
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SigningKey), signed));
    }

    /// <summary>The moderator's email, to sign him in elsewhere.</summary>
    protected string ModeratorEmail => _moderatorEmail!;

    private async Task<ConsoleTab> PersonTabAsync(string email)
    {
        var session = _sessions.GetValueOrDefault(email);
        var tab = await OpenTabAsync(session);
        if (session is null)
        {
            await tab.SignInAsync(email, Password);
            _sessions[email] = await tab.SessionAsync();
        }

        return tab;
    }
}
