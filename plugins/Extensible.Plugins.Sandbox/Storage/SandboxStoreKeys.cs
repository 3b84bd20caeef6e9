using System.Security.Cryptography;
using System.Text;

namespace Extensible.Plugins.Sandbox.Storage;

/// <summary>The keys the sandbox keeps in its plugin store. Values from outside are hashed so keys stay short.</summary>
internal static class SandboxStoreKeys
{
    public const string AccountCount = "accounts:count";

    public static string Forced(string accountId, string idempotencyKey) => $"forced:{Short(accountId)}:{Hash(idempotencyKey)}";

    public static string Post(string postId) => $"post:{Short(postId)}";

    public static string AccountPosts(string accountId) => $"account:{Short(accountId)}:posts";

    public static string Reply(string replyId) => $"reply:{Short(replyId)}";

    public static string Hidden(string itemId) => $"item:{Short(itemId)}:hidden";

    public static string DeletedComment(string itemId) => $"item:{Short(itemId)}:deleted";

    public static string Like(string accountId, string itemId) => $"like:{Short(accountId)}:{Short(itemId)}";

    private static string Short(string value) => value.Length <= 64 && value.All(IsPlain) ? value : Hash(value);

    private static bool IsPlain(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
