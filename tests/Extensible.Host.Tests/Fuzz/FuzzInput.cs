using System.Globalization;
using System.Text;

namespace Extensible.Host.Tests.Fuzz;

/// <summary>
/// Hostile input from a seeded <see cref="Random"/>, so a failure reproduces from its seed: texts (control characters,
/// lone surrogates, markup, huge), numbers that do not fit, JSON of the wrong shape, nested too deep or not UTF-8 at all.
/// </summary>
public sealed class FuzzInput(int seed)
{
    private static readonly string[] Texts =
    [
        "", " ", "a", "0", "-0", "1", "-1", "1.5", "1e308", "-1e308", "1e309", "NaN", "Infinity", "-Infinity", "9999999999999999999999999999999",
        "2147483648", "-2147483649", "true", "false", "null", "on", "Owner", "owner", "Analyst", "Admin, Owner", "5", "Root",
        "00000000-0000-0000-0000-000000000000", "not-a-guid", "2001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "0001-01-01", "yesterday", "00:05:00",
        "a@example.com", "owner@example.com", "Name <a@example.com>", "a@example.com\r\nBcc: b@example.com", "https://example.com/", "javascript:alert(1)",
        "/\t/evil.example", "//evil.example", "/\\evil.example", "/", "/members", "../../etc/passwd", "%00", "%2e%2e%2f", "\\\\server\\share",
        "<script>alert(1)</script>", "' or 1=1--", "\"; drop table events;--", "{{7*7}}", "${jndi:ldap://x}", "\u202Eevil", "\uFEFF", "😀", "\u0000", "\u0000a",
        "tab\there", "new\nline", "\r", "\u001b[31m", "\u007f", "\u0085", "\ud800", "\udc00x", "\ud83d", "Friendly", "Formal", "test.greeter",
    ];

    private readonly Random _random = new(seed);

    public int Seed { get; } = seed;

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public int Next(int max) => _random.Next(max);

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>A hostile text: a known troublemaker, random characters of every kind, or one of them repeated to a length.</summary>
    public string Text()
    {
        return Next(10) switch
        {
            < 5 => Pick(Texts),
            < 8 => RandomChars(1 + Next(40)),
            8 => Pick(Texts) + RandomChars(1 + Next(5)) + Pick(Texts),
            _ => new string(Pick<char>(['a', '\0', 'é', ' ', '\t']), Pick([101, 255, 257, 1025, 4097, 20_000])),
        };
    }

    /// <summary>A number as JSON text: ones that overflow every type, negative zero, fractions, exponents.</summary>
    public string JsonNumber() => Pick(
    [
        "0", "-0", "1", "-1", "1.5", "1e308", "-1e308", "1e309", "1E-400", "99999999999999999999999999999999999", "-99999999999999999999999999999999999",
        "2147483648", "9223372036854775808", "4", "10", "11", "0.0000001", "123456789012345678901234567890.5",
        Next(int.MaxValue).ToString(CultureInfo.InvariantCulture),
    ]);

    /// <summary>A JSON value of any kind, up to <paramref name="depth"/> levels of nesting.</summary>
    public string JsonValue(int depth = 3)
    {
        var kind = Next(depth > 0 ? 9 : 6);
        return kind switch
        {
            0 or 1 => JsonString(Text()),
            2 => JsonNumber(),
            3 => Pick(["true", "false"]),
            4 => "null",
            5 => JsonString(Pick(Texts)),
            6 => $"[{string.Join(',', Enumerable.Range(0, Next(4)).Select(_ => JsonValue(depth - 1)))}]",
            _ => $"{{{string.Join(',', Enumerable.Range(0, Next(4)).Select(_ => $"{JsonString(Text())}:{JsonValue(depth - 1)}"))}}}",
        };
    }

    /// <summary>
    /// A request body for <paramref name="properties"/>: usually an object of some of them (and unknown ones) with values
    /// of any type, else JSON of the wrong shape, broken JSON, nesting past the limit, huge strings or bytes that are not UTF-8.
    /// </summary>
    public byte[] JsonBody(IReadOnlyList<string> properties)
    {
        string text;
        switch (Next(20))
        {
            case < 11:
                var members = new List<string>();
                foreach (var property in properties)
                {
                    if (Chance(0.75))
                    {
                        members.Add($"{JsonString(Chance(0.1) ? property.ToUpperInvariant() : property)}:{JsonValue()}");
                    }
                }

                if (Chance(0.3))
                {
                    members.Add($"{JsonString(Text())}:{JsonValue()}");
                }

                if (Chance(0.1) && members.Count > 0)
                {
                    members.Add(Pick(members));
                }

                text = $"{{{string.Join(',', members.OrderBy(_ => Next(100)))}}}";
                break;
            case 11:
                text = JsonValue(2);
                break;
            case 12:
                text = Pick(["", "null", "[]", "{", "}", "{\"a\":", "{} {}", "{\"a\":1,}", "{'a':1}", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":-Infinity}", "\uFEFF{}", "{\"a\":01}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}"]);
                break;
            case 13:
                var depth = Pick([10, 63, 65, 200, 5000]);
                text = Chance(0.5) ? new string('[', depth) + new string(']', depth) : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
                break;
            case 14:
                var size = Pick([30_000, 60_000, 70_000, 200_000]);
                text = $"{{{JsonString(properties.Count > 0 ? Pick(properties) : "name")}:\"{new string('x', size)}\"}}";
                break;
            case 15:
                // Not UTF-8: an invalid byte inside a string value.
                var start = Encoding.UTF8.GetBytes($"{{{JsonString(properties.Count > 0 ? Pick(properties) : "name")}:\"a");
                return [.. start, .. Pick<byte[]>([[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC0, 0xAF]]), .. "\"}"u8.ToArray()];
            case 16:
                text = $"[{{{string.Join(',', properties.Select(p => $"{JsonString(p)}:{JsonValue(1)}"))}}}]";
                break;
            default:
                text = $"{{{string.Join(',', properties.Select(p => $"{JsonString(p)}:{JsonString(Text())}"))}}}";
                break;
        }

        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>A value for a route or query parameter: a known good one sometimes, else hostile text.</summary>
    public string Parameter(string? good) => good is not null && Chance(0.5) ? good : Text();

    /// <summary>Bytes for an uploaded file: random, or a small zip with hostile entry names.</summary>
    public byte[] Upload()
    {
        if (Chance(0.3))
        {
            var bytes = new byte[Next(2000)];
            _random.NextBytes(bytes);
            return bytes;
        }

        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            string[] names = ["plugin.json", "x", "x/y", "X/", "a/../../b", "/abs", "C:/c", "a\\b", "lib/", new string('n', 300), "plugin.json", ".", "a/./b", "\u00e9.dll", "a//b"];
            for (var i = 0; i < 1 + Next(4); i++)
            {
                using var entry = zip.CreateEntry(Pick(names)).Open();
                entry.Write(Chance(0.5) ? """{"id":"fuzz.plugin","name":"Fuzz","version":"1.0.0","sdk":"^1.0","entry":"fuzz.plugin.dll"}"""u8 : Encoding.UTF8.GetBytes(Text()));
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Escapes <paramref name="text"/> as a JSON string, lone surrogates included (as \u escapes, which JSON allows).</summary>
    public static string JsonString(string text)
    {
        var json = new StringBuilder("\"");
        foreach (var c in text)
        {
            json.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when c < ' ' || char.IsSurrogate(c) || c == '\u007f' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return json.Append('"').ToString();
    }

    /// <summary>A short preview of an input for a failure message: control characters visible, long runs cut.</summary>
    public static string Preview(string text) =>
        string.Concat((text.Length > 300 ? text[..300] + $"…({text.Length} chars)" : text).Select(c => char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString()));

    private string RandomChars(int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(Next(6) switch
            {
                0 => (char)Next(0x20),
                1 => (char)(0xD800 + Next(0x800)),
                2 => (char)(0x80 + Next(0x80)),
                3 => (char)(0x20 + Next(0x5F)),
                4 => (char)Next(0x10000),
                _ => Pick<char>(['<', '>', '"', '\'', '&', '%', '/', '\\', '{', '}', '?', '#', '=', '+', ';', ',', ' ']),
            });
        }

        return text.ToString();
    }
}
