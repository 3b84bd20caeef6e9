using System.Text.RegularExpressions;
using Marten;

namespace Extensible.EventStore;

/// <summary>Queues read-model SQL in the append's unit of work, written with PostgreSQL's <c>$1</c> placeholders.</summary>
public static partial class ReadModelSql
{
    /// <summary>
    /// Queues <paramref name="sql"/> (placeholders <c>$1</c>…<c>$n</c>, in any order and repeated as needed) with
    /// <paramref name="values"/>; null values are sent as SQL null.
    /// </summary>
    public static void QueueSql(this IDocumentOperations operations, string sql, params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(values);
        var ordered = new List<object>();
        var text = Placeholder().Replace(sql, match =>
        {
            ordered.Add(values[int.Parse(match.Groups[1].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture) - 1] ?? DBNull.Value);
            return "^";
        });
        operations.QueueSqlCommand('^', text, [.. ordered]);
    }

    [GeneratedRegex(@"\$(\d+)")]
    private static partial Regex Placeholder();
}
