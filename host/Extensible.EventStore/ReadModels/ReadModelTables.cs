using Marten;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Extensible.EventStore;

/// <summary>Read-model tables kept by SQL projections, declared to Marten so Weasel creates and updates them with its own schema.</summary>
public static class ReadModelTables
{
    /// <summary>Declares a table in the store's schema; describe its columns and indexes on the result.</summary>
    public static Table AddReadModelTable(this StoreOptions options, string name)
    {
        ArgumentNullException.ThrowIfNull(options);
        var table = new Table(new PostgresqlObjectName(options.DatabaseSchemaName, name, SchemaUtils.IdentifierUsage.General));
        options.Storage.ExtendedSchemaObjects.Add(table);
        return table;
    }

    /// <summary>
    /// Adds an index on <paramref name="columns"/> (or on <paramref name="mask"/> applied to the one column, e.g. <c>lower(?)</c>),
    /// partial when <paramref name="predicate"/> is given (<c>status in ('scheduled', 'retrying')</c>).
    /// </summary>
    public static Table WithIndex(this Table table, string name, string[] columns, bool unique = false, string? mask = null, string? predicate = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var index = new IndexDefinition(name) { Columns = columns, IsUnique = unique };
        if (mask is not null)
        {
            index.Mask = mask;
        }

        if (predicate is not null)
        {
            index.Predicate = predicate;
        }

        table.Indexes.Add(index);
        return table;
    }
}
