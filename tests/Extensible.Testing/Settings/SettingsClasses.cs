using System.ComponentModel.DataAnnotations;
using Extensible.Sdk;

#pragma warning disable CA1812, CA1056, CA1002, CA2227, CA1819 // settings classes as plugin authors write them, right and wrong
namespace Extensible.Testing.Settings;

/// <summary>A setting of every supported type, and what is not a setting beside them.</summary>
public sealed class EverySupportedType
{
    public string Text { get; set; } = "";
    public bool On { get; set; }
    public int Whole { get; set; }
    public long Big { get; set; }
    public float Ratio { get; set; }
    public double Share { get; set; }
    public decimal Money { get; set; }
    public TimeSpan Every { get; set; }
    public Uri? Site { get; set; }
    public DayOfWeek Day { get; set; }
    public int? MaybeWhole { get; set; }
    public TimeSpan? MaybeEvery { get; set; }
    public DayOfWeek? MaybeDay { get; set; }
    [Secret] public string? ApiKey { get; set; }

    // Not settings: read-only, static, an indexer.
    public List<string> Computed { get; } = [];
    public static List<string> Shared { get; set; } = [];
    public string this[int index] { get => Text; set => Text = value; }
}

/// <summary>A list, which the console cannot edit.</summary>
public sealed class WithAList
{
    public string Name { get; set; } = "";
    public List<string> Tags { get; set; } = [];
}

/// <summary>A date and time, which is not a setting type.</summary>
public sealed class WithADate
{
    public DateTime Start { get; set; }
}

/// <summary>A nested class.</summary>
public sealed class WithANestedClass
{
    public WithADate Inner { get; set; } = new();
}

/// <summary>A secret that is not a string.</summary>
public sealed class WithANumberSecret
{
    [Secret] public int Pin { get; set; }
}

/// <summary>Two settings of unsupported types: both are named.</summary>
public sealed class WithTwoProblems
{
    public Guid Id { get; set; }
    public char? Letter { get; set; }
}
#pragma warning restore CA1812, CA1056, CA1002, CA2227, CA1819
