using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Extensible.EmbeddedPostgres;

/// <summary>
/// The options pg_ctl passes to the postgres server (<c>pg_ctl -o</c>). pg_ctl hands them to /bin/sh, so every value is
/// shell-quoted.
/// </summary>
internal static partial class ServerCommandLine
{
    /// <summary>Settings the launcher owns; configuring them would break the connection string.</summary>
    private static readonly string[] Reserved = ["port", "listen_addresses", "unix_socket_directories"];

    public static string Build(int port, string socketDirectory, IEnumerable<KeyValuePair<string, string>> settings)
    {
        var line = new StringBuilder();
        line.Append(CultureInfo.InvariantCulture, $"-p {port}");
        Append(line, "listen_addresses", "127.0.0.1");
        // The setting is a list: a double-quoted entry may contain commas and spaces.
        Append(line, "unix_socket_directories", "\"" + socketDirectory.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");
        foreach (var (name, value) in settings)
        {
            Append(line, name, value);
        }

        return line.ToString();
    }

    /// <summary>Throws when a configured setting could not be passed safely or would take over what the launcher controls.</summary>
    public static void Validate(IEnumerable<KeyValuePair<string, string>> settings)
    {
        foreach (var (name, value) in settings)
        {
            if (!SettingName().IsMatch(name))
            {
                throw new ArgumentException($"'{name}' is not a PostgreSQL setting name.", nameof(settings));
            }

            if (Reserved.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"The embedded PostgreSQL sets '{name}' itself; use the options' Port instead.", nameof(settings));
            }

            if (value.Contains('\0', StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal))
            {
                throw new ArgumentException($"The value of '{name}' may not contain NUL or line breaks.", nameof(settings));
            }
        }
    }

    private static void Append(StringBuilder line, string name, string value) =>
        line.Append(" -c '").Append($"{name}={value}".Replace("'", "'\\''", StringComparison.Ordinal)).Append('\'');

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.]*$")]
    private static partial Regex SettingName();
}
