using Extensible.EmbeddedPostgres;
using Extensible.Host;
using Extensible.Host.Security.KeyRing;
using Microsoft.Extensions.Options;
using Npgsql;

try
{
    await using var app = await ExtensibleApp.BuildAsync(args);
    await app.RunAsync();
    return 0;
}
catch (EmbeddedPostgresException e)
{
    // Each of these says what happened and what to do; a stack trace would only bury that.
    await Console.Error.WriteLineAsync($"Extensible could not start its embedded PostgreSQL: {e.Message}");
    return 1;
}
catch (OptionsValidationException e)
{
    // Each failure names its configuration key, e.g. Extensible:Smtp:Port.
    await Console.Error.WriteLineAsync($"Extensible's configuration is not valid: {e.Message}");
    return 1;
}
catch (KeyRingException e)
{
    // Each says which file or setting holds the key ring certificate and what to do.
    await Console.Error.WriteLineAsync($"Extensible could not open its data protection key ring: {e.Message}");
    return 1;
}
catch (NpgsqlException e)
{
    await Console.Error.WriteLineAsync($"Extensible could not use its database: {e.Message}. Check ConnectionStrings__Extensible, or unset it to use the embedded database.");
    return 1;
}
