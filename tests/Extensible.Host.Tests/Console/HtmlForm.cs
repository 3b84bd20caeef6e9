using System.Net;
using System.Text.RegularExpressions;

namespace Extensible.Host.Tests.Console;

/// <summary>One field of a console form as the page rendered it: its name, its value and what kind of input it is.</summary>
public sealed record HtmlField(string Name, string Value, string Kind, IReadOnlyList<string> Choices);

/// <summary>
/// A form a console page offers — a <c>&lt;form&gt;</c>, or an htmx <c>hx-post</c> button (which posts its own address,
/// with the antiforgery token as a header) — read from the page's HTML the way a browser would submit it.
/// </summary>
public sealed partial record HtmlForm(string Method, string Action, bool Multipart, bool Htmx, IReadOnlyList<HtmlField> Fields)
{
    /// <summary>Every form and hx-post element of <paramref name="html"/>, with actions resolved against <paramref name="page"/>.</summary>
    public static IReadOnlyList<HtmlForm> Parse(string html, Uri page)
    {
        var forms = new List<HtmlForm>();
        foreach (Match form in FormPattern().Matches(html))
        {
            var attributes = Attributes(form.Groups[1].Value);
            var method = attributes.GetValueOrDefault("method", "get").ToUpperInvariant();
            if (method == "DIALOG")
            {
                continue;
            }

            var action = new Uri(page, attributes.GetValueOrDefault("action") is { Length: > 0 } a ? a : page.PathAndQuery);
            var multipart = attributes.GetValueOrDefault("enctype", "").Contains("multipart", StringComparison.OrdinalIgnoreCase);
            forms.Add(new HtmlForm(method, action.PathAndQuery, multipart, Htmx: false, ReadFields(form.Groups[2].Value)));
        }

        foreach (Match element in HxPostPattern().Matches(html))
        {
            var attributes = Attributes(element.Groups[1].Value);
            forms.Add(new HtmlForm("POST", new Uri(page, attributes["hx-post"]).PathAndQuery, Multipart: false, Htmx: true, []));
        }

        return forms;
    }

    /// <summary>The page's antiforgery request token (its meta tag, else a form's hidden field).</summary>
    public static string? AntiforgeryToken(string html) =>
        TokenMetaPattern().Match(html) is { Success: true } meta ? WebUtility.HtmlDecode(meta.Groups[1].Value)
        : TokenFieldPattern().Match(html) is { Success: true } field ? WebUtility.HtmlDecode(field.Groups[1].Value)
        : null;

    /// <inheritdoc />
    public override string ToString() => $"{Method} {Action}{(Htmx ? " (htmx)" : "")} [{string.Join(", ", Fields.Select(f => f.Name))}]";

    private static List<HtmlField> ReadFields(string body)
    {
        var fields = new List<HtmlField>();
        foreach (Match input in InputPattern().Matches(body))
        {
            var attributes = Attributes(input.Groups[1].Value);
            if (attributes.GetValueOrDefault("name") is { Length: > 0 } name)
            {
                fields.Add(new HtmlField(name, attributes.GetValueOrDefault("value", ""), attributes.GetValueOrDefault("type", "text").ToLowerInvariant(), []));
            }
        }

        foreach (Match select in SelectPattern().Matches(body))
        {
            var attributes = Attributes(select.Groups[1].Value);
            var choices = OptionPattern().Matches(select.Groups[2].Value).Select(o => Attributes(o.Groups[1].Value).GetValueOrDefault("value", "")).ToList();
            if (attributes.GetValueOrDefault("name") is { Length: > 0 } name)
            {
                fields.Add(new HtmlField(name, choices.FirstOrDefault() ?? "", "select", choices));
            }
        }

        foreach (Match textarea in TextareaPattern().Matches(body))
        {
            if (Attributes(textarea.Groups[1].Value).GetValueOrDefault("name") is { Length: > 0 } name)
            {
                fields.Add(new HtmlField(name, WebUtility.HtmlDecode(textarea.Groups[2].Value), "textarea", []));
            }
        }

        foreach (Match button in ButtonPattern().Matches(body))
        {
            var attributes = Attributes(button.Groups[1].Value);
            if (attributes.GetValueOrDefault("name") is { Length: > 0 } name)
            {
                fields.Add(new HtmlField(name, attributes.GetValueOrDefault("value", ""), "button", []));
            }
        }

        return fields;
    }

    private static Dictionary<string, string> Attributes(string text)
    {
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match attribute in AttributePattern().Matches(text))
        {
            attributes[attribute.Groups[1].Value] = WebUtility.HtmlDecode(attribute.Groups[3].Success ? attribute.Groups[3].Value : attribute.Groups[4].Value);
        }

        return attributes;
    }

    [GeneratedRegex("""<form\b([^>]*)>(.*?)</form>""", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex("""<[a-z]+\b([^>]*\bhx-post\s*=[^>]*)>""", RegexOptions.IgnoreCase)]
    private static partial Regex HxPostPattern();

    [GeneratedRegex("""<input\b([^>]*)>""", RegexOptions.IgnoreCase)]
    private static partial Regex InputPattern();

    [GeneratedRegex("""<select\b([^>]*)>(.*?)</select>""", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex SelectPattern();

    [GeneratedRegex("""<option\b([^>]*)>""", RegexOptions.IgnoreCase)]
    private static partial Regex OptionPattern();

    [GeneratedRegex("""<textarea\b([^>]*)>(.*?)</textarea>""", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex TextareaPattern();

    [GeneratedRegex("""<button\b([^>]*)>""", RegexOptions.IgnoreCase)]
    private static partial Regex ButtonPattern();

    [GeneratedRegex("""([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')""")]
    private static partial Regex AttributePattern();

    [GeneratedRegex(""""<meta\s+name="request-verification-token"\s+content="([^"]*)"""", RegexOptions.IgnoreCase)]
    private static partial Regex TokenMetaPattern();

    [GeneratedRegex(""""name="__RequestVerificationToken"[^>]*value="([^"]*)"""", RegexOptions.IgnoreCase)]
    private static partial Regex TokenFieldPattern();
}
