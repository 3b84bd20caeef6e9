using Microsoft.Playwright;

namespace Extensible.Browser.Tests.Input;

/// <summary>Putting values into form fields that the forms must refuse.</summary>
internal static class BadInput
{
    /// <summary>Stands, in a test's data, for a value of one megabyte (an attribute argument cannot hold one).</summary>
    public const string Megabyte = "1 MB";

    private static readonly string Huge = new('x', 1024 * 1024);

    /// <summary>Fills <paramref name="field"/>; a megabyte is pasted in at once, since typing it takes minutes.</summary>
    public static Task FillAsync(ILocator field, string value) =>
        value == Megabyte ? field.EvaluateAsync("(field, value) => { field.value = value; }", Huge) : field.FillAsync(value);
}
